package vn.chungtay.donor;

import java.util.Arrays;
import java.util.List;

/**
 * Donor data that breaks a rule, with every problem found: the field, a message key and its
 * arguments. Nothing was written. Answered 400.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidDonor extends RuntimeException {

    /** One problem: {@code field} null for the form as a whole. */
    public record Problem(String field, String messageKey, List<Object> arguments)
            implements vn.chungtay.shared.validation.FieldProblem {
        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    private final List<Problem> problems;

    public InvalidDonor(List<Problem> problems) {
        super(problems.stream()
                .map(p -> p.field() + ": " + p.messageKey())
                .toList()
                .toString());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid donor names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidDonor of(String field, String messageKey, Object... arguments) {
        return new InvalidDonor(List.of(new Problem(field, messageKey, Arrays.asList(arguments))));
    }

    public List<Problem> problems() {
        return problems;
    }

    public Problem first() {
        return problems.get(0);
    }
}
