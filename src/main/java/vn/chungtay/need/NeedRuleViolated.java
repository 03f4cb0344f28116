package vn.chungtay.need;

import java.util.List;

/**
 * A lifecycle rule forbids the step, e.g. {@code onlyApprovedNeedsArePublished}. Answered 409;
 * the message key explains it to the person.
 */
public class NeedRuleViolated extends RuntimeException {
    private final String rule;
    private final String messageKey;
    private final List<Object> arguments;

    public NeedRuleViolated(String rule, String messageKey, Object... arguments) {
        super(rule);
        this.rule = rule;
        this.messageKey = messageKey;
        // a null argument (an empty field named in the message) must not turn a refusal into a server error
        this.arguments = java.util.Arrays.stream(arguments)
                .map(a -> a == null ? (Object) "" : a)
                .toList();
    }

    public String rule() {
        return rule;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
