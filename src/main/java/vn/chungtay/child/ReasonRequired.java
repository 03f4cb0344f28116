package vn.chungtay.child;

/**
 * A supervisor must say why before reading a child's record. Pages that cannot ask for the reason
 * (editing, for one) answer 403; the record page and the API ask for it.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
public class ReasonRequired extends RuntimeException {
    public ReasonRequired() {
        super("A supervisor reads a child record only with a reason");
    }
}
