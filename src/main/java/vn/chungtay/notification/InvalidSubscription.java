package vn.chungtay.notification;

import java.util.List;

/** A subscription request that breaks a rule: each problem names the field and a message key. Nothing was stored. */
public class InvalidSubscription extends RuntimeException {

    /** One broken rule: the form field and the message key to show. */
    public record Problem(String field, String messageKey) {}

    private final List<Problem> problems;

    public InvalidSubscription(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
