package vn.chungtay.organisation;

/** An import found errors and wrote nothing; the report names the rows. */
public class UnitListRejected extends RuntimeException {
    private final ImportReport report;

    public UnitListRejected(ImportReport report) {
        super("Import of " + report.dataset() + " rejected: " + report.errors().size() + " rows with errors");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
