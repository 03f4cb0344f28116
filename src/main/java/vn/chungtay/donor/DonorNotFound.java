package vn.chungtay.donor;

/** No donor has this id. Answered 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class DonorNotFound extends RuntimeException {
    public DonorNotFound(Object id) {
        super("No donor " + id);
    }
}
