package vn.chungtay.reporting;

import java.util.List;

/**
 * A workflow rule forbids the step, e.g. {@code acceptedReportsAreLocked}. Answered 409; the
 * message key explains it to the person.
 */
public class ReportRuleViolated extends RuntimeException {
    private final String rule;
    private final List<Object> arguments;

    public ReportRuleViolated(String rule, Object... arguments) {
        super(rule);
        this.rule = rule;
        // a null argument (an empty field named in the message) must not turn a refusal into a server error
        this.arguments = java.util.Arrays.stream(arguments)
                .map(a -> a == null ? (Object) "" : a)
                .toList();
    }

    public String rule() {
        return rule;
    }

    public String messageKey() {
        return "reporting.rule." + rule;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
