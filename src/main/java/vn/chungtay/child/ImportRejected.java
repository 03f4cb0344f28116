package vn.chungtay.child;

import java.util.List;

/** A workbook that was not imported, with every problem by row and column; nothing was written. */
public class ImportRejected extends RuntimeException {

    /** A problem in one cell: the spreadsheet row number (header is row 1), the column header, a message key. */
    public record RowProblem(int row, String column, String messageKey, List<Object> arguments) {
        public RowProblem {
            arguments = List.copyOf(arguments);
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }

    private final List<RowProblem> problems;

    public ImportRejected(List<RowProblem> problems) {
        super("Workbook rejected: " + problems.size() + " problems");
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** The rows with at least one problem, in order. */
    public List<Integer> rows() {
        return problems.stream().map(RowProblem::row).distinct().sorted().toList();
    }
}
