package vn.chungtay.supervision;

/** No plan, visit, recommendation or evidence has this id. Answered 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class SupervisionNotFound extends RuntimeException {
    public SupervisionNotFound(String what, Object id) {
        super("No supervision " + what + " " + id);
    }
}
