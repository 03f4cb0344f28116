package vn.chungtay.organisation;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A list of administrative units or a change list was loaded into the hierarchy. */
public record UnitListImported(ImportReport report) implements AuditedChange {

    @Override
    public String action() {
        return "IMPORT";
    }

    @Override
    public String entityType() {
        return "UnitList";
    }

    @Override
    public String entityId() {
        return report.dataset();
    }

    @Override
    public String unitCode() {
        return null;
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of(
                "unitsInserted", report.unitsInserted(),
                "unitsUnchanged", report.unitsUnchanged(),
                "unitsClosed", report.unitsClosed(),
                "linksInserted", report.linksInserted(),
                "villagesMoved", report.villagesMoved(),
                "rowsSkipped", report.skipped().size());
    }
}
