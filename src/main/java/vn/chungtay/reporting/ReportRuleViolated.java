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
        this.arguments = List.of(arguments);
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
