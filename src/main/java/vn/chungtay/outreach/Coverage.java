package vn.chungtay.outreach;

import java.time.LocalDate;
import java.util.List;

/**
 * Outreach coverage of one commune in one year: every village with how often it was reached (none
 * for villages with no outreach yet), whether it was especially disadvantaged (ĐBKK) on
 * {@code classifiedOn}, and the commune's totals per month (January first, all twelve months).
 */
public record Coverage(
        String communeCode,
        String communeName,
        int year,
        LocalDate classifiedOn,
        List<VillageCoverage> villages,
        List<MonthTotal> months) {

    public Coverage {
        villages = List.copyOf(villages);
        months = List.copyOf(months);
    }

    /** One village: its activities this year and the date of the last one (null when not reached). */
    public record VillageCoverage(
            String code, String name, boolean especiallyDifficult, int activities, LocalDate lastActivity) {
        public boolean reached() {
            return activities > 0;
        }
    }

    /** The commune's activities, people and households reached in one month (1–12). */
    public record MonthTotal(int month, int activities, long people, long households) {}

    public List<VillageCoverage> reached() {
        return villages.stream().filter(VillageCoverage::reached).toList();
    }

    /** Villages not reached this year, ĐBKK villages first. */
    public List<VillageCoverage> notReached() {
        return villages.stream()
                .filter(v -> !v.reached())
                .sorted((a, b) -> Boolean.compare(b.especiallyDifficult(), a.especiallyDifficult()))
                .toList();
    }

    public long difficultVillages() {
        return villages.stream().filter(VillageCoverage::especiallyDifficult).count();
    }

    public long difficultReached() {
        return villages.stream()
                .filter(v -> v.especiallyDifficult() && v.reached())
                .count();
    }

    public long totalActivities() {
        return months.stream().mapToLong(MonthTotal::activities).sum();
    }

    public long totalPeople() {
        return months.stream().mapToLong(MonthTotal::people).sum();
    }

    public long totalHouseholds() {
        return months.stream().mapToLong(MonthTotal::households).sum();
    }
}
