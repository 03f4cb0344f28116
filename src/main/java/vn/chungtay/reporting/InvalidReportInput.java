package vn.chungtay.reporting;

import java.util.List;

/** Input that breaks a rule: the field, a message key and its arguments. Answered 400; nothing is written. */
public class InvalidReportInput extends RuntimeException {
    private final String field;
    private final String messageKey;
    private final List<Object> arguments;

    public InvalidReportInput(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = java.util.Arrays.stream(arguments)
                .map(a -> a == null ? (Object) "" : a)
                .toList();
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
