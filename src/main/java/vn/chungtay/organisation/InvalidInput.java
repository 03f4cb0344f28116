package vn.chungtay.organisation;

import java.util.List;

/** Input that breaks a rule: the field and a message key (with arguments) to show the person. */
public class InvalidInput extends RuntimeException {
    private final String field;
    private final String messageKey;
    private final List<Object> arguments;

    public InvalidInput(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
