package vn.chungtay.shared.security;

/** The actor tried to act on something outside their scope or beyond their role. Answered 403. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
public class OutsideScope extends RuntimeException {
    public OutsideScope(String message) {
        super(message);
    }
}
