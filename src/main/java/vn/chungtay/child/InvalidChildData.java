package vn.chungtay.child;

import java.util.List;

/** Input that breaks one or more rules; nothing was written. Answered 400 with the fields named. */
public class InvalidChildData extends RuntimeException {

    /** One problem: the field, a message key and its arguments. */
    public record Problem(String field, String messageKey, List<Object> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }

        public static Problem of(String field, String messageKey, Object... arguments) {
            return new Problem(field, messageKey, List.of(arguments));
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }

    private final List<Problem> problems;

    public InvalidChildData(List<Problem> problems) {
        super("Invalid child data: "
                + problems.stream().map(Problem::field).distinct().toList());
        this.problems = List.copyOf(problems);
    }

    public static InvalidChildData of(String field, String messageKey, Object... arguments) {
        return new InvalidChildData(List.of(Problem.of(field, messageKey, arguments)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
