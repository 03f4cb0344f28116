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
        // a null argument (an empty field named in the message) must not turn a refusal into a server error
        this.arguments = java.util.Arrays.stream(arguments)
                .map(a -> a == null ? (Object) "" : a)
                .toList();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
