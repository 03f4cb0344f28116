package vn.chungtay.privacy;

/** No such request or breach record (answered 404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class PrivacyRecordNotFound extends RuntimeException {
    public PrivacyRecordNotFound(String what, long id) {
        super(what + " " + id + " not found");
    }
}
