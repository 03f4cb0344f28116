package vn.chungtay.need;

/** No need has this id. Answered 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NeedNotFound extends RuntimeException {
    public NeedNotFound(Object id) {
        super("No need or plan " + id);
    }
}
