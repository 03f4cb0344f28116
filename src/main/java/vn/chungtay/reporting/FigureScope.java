package vn.chungtay.reporting;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a provider computes figures for: the reporting unit, the communes (and villages) whose
 * records count — valid on the period's dates, so merged and old units are included — and the
 * period, both days included.
 */
public record FigureScope(String unitCode, Set<String> unitCodes, LocalDate from, LocalDate to) {
    public FigureScope {
        unitCodes = Set.copyOf(unitCodes);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A period ends after it starts");
        }
    }
}
