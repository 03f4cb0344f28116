package vn.chungtay.need;

/**
 * What an officer enters for a need, from the page or the API, as typed: the service checks and
 * converts every field and names the ones that are wrong. {@code target} is CHILD, VILLAGE, SCHOOL
 * or COMMUNE; for a child, {@code childCode} is the child's public code ({@code TE-7F3K9Q}); for a
 * group, {@code unitCode} is the village or commune and {@code schoolName} names the school.
 * Amounts are whole đồng ({@code 150000} or {@code 150.000}); the total is computed, never entered.
 * {@code neededBy} is {@code YYYY-MM-DD}; {@code priority} HIGH, MEDIUM or LOW. {@code
 * confirmDuplicate} saves even when a likely duplicate exists.
 */
public record NeedForm(
        String target,
        String childCode,
        String unitCode,
        String schoolName,
        String categoryCode,
        String description,
        String quantity,
        String unit,
        String unitCost,
        String year,
        String season,
        String neededBy,
        String priority,
        String childrenServed,
        Boolean confirmDuplicate) {

    public boolean duplicateConfirmed() {
        return Boolean.TRUE.equals(confirmDuplicate);
    }

    /** An empty form for a commune or village, this year, medium priority. */
    public static NeedForm empty(String unitCode, int year) {
        return new NeedForm(
                NeedTarget.VILLAGE.name(),
                "",
                unitCode,
                "",
                "",
                "",
                "",
                "",
                "",
                Integer.toString(year),
                "",
                "",
                Priority.MEDIUM.name(),
                "",
                false);
    }

    /** The form of an existing need, for editing. */
    public static NeedForm of(NeedView need, String childCode) {
        return new NeedForm(
                need.target().name(),
                childCode == null ? "" : childCode,
                need.unitCode(),
                need.schoolName() == null ? "" : need.schoolName(),
                need.categoryCode(),
                need.description(),
                Integer.toString(need.quantity()),
                need.unit(),
                Long.toString(need.unitCost().dong()),
                Integer.toString(need.year()),
                need.season() == null ? "" : need.season(),
                need.neededBy() == null ? "" : need.neededBy().toString(),
                need.priority().name(),
                Integer.toString(need.childrenServed()),
                false);
    }
}
