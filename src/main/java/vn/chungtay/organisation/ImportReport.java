package vn.chungtay.organisation;

import java.util.List;

/**
 * What a unit-list or change-list import did. With any {@code errors} nothing was written;
 * {@code skipped} rows (e.g. merger pieces that are not units) are expected and named.
 */
public record ImportReport(
        String dataset,
        int unitsInserted,
        int unitsUnchanged,
        int unitsClosed,
        int linksInserted,
        int linksExisting,
        int villagesMoved,
        List<RowProblem> skipped,
        List<RowProblem> errors) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        errors = List.copyOf(errors);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    /** A row of an import file that was not taken, with why: a message key and its arguments. */
    public record RowProblem(String file, long line, String messageKey, List<String> arguments) {
        public RowProblem {
            arguments = List.copyOf(arguments);
        }

        public static RowProblem of(String file, long line, String messageKey, Object... arguments) {
            return new RowProblem(
                    file,
                    line,
                    messageKey,
                    java.util.Arrays.stream(arguments).map(String::valueOf).toList());
        }
    }
}
