package vn.chungtay.donation;

import java.util.List;

/**
 * A statement file refused whole: rows that could not be read (row number, message key, arguments),
 * or a problem with the file itself (row 0). Nothing was written.
 */
public class InvalidStatement extends RuntimeException {

    /** One problem; {@code row} 0 for the file as a whole. */
    public record Problem(long row, String messageKey, List<Object> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    private final List<Problem> problems;

    public InvalidStatement(List<Problem> problems) {
        super(problems.size() + " problems, first: " + problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    public static InvalidStatement file(String messageKey, Object... arguments) {
        return new InvalidStatement(List.of(new Problem(0, messageKey, List.of(arguments))));
    }

    public List<Problem> problems() {
        return problems;
    }
}
