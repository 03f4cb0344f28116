package vn.chungtay.commendation;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A step the proposal's state does not allow (editing a submitted proposal, deciding twice …); answered 409. */
@ResponseStatus(HttpStatus.CONFLICT)
public class CommendationStepRefused extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public CommendationStepRefused(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
