package vn.chungtay.outreach;

/** No activity (or photo of it) has this id, or it was deleted. Answered 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class ActivityNotFound extends RuntimeException {
    public ActivityNotFound(Object id) {
        super("No outreach activity or photo " + id);
    }
}
