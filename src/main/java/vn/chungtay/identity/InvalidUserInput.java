package vn.chungtay.identity;

import java.util.List;

/** Input that breaks a rule of identity; each problem names the field and a message key. */
public class InvalidUserInput extends RuntimeException {

    /** One broken rule: the form field it concerns (or null for the whole form) and a message key. */
    public record Problem(String field, String messageKey) {}

    private final List<Problem> problems;

    public InvalidUserInput(List<Problem> problems) {
        super("Invalid input: " + problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("No problems given");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidUserInput(String field, String messageKey) {
        this(List.of(new Problem(field, messageKey)));
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean concerns(String messageKey) {
        return problems.stream().anyMatch(p -> p.messageKey().equals(messageKey));
    }
}
