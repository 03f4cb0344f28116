package vn.chungtay.child;

/** No child with this id, or none the actor may see (the two are not told apart). Answered 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class ChildNotFound extends RuntimeException {
    public ChildNotFound(long id) {
        super("No visible child " + id);
    }
}
