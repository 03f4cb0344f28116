package vn.chungtay.outreach;

import java.util.List;

/** Outreach coverage per commune of a province in one year, with the province's monthly totals. */
public record ProvinceCoverage(
        String provinceCode,
        String provinceName,
        int year,
        List<CommuneRow> communes,
        List<Coverage.MonthTotal> months) {

    public ProvinceCoverage {
        communes = List.copyOf(communes);
        months = List.copyOf(months);
    }

    /** One commune's villages (reached, ĐBKK, ĐBKK reached) and totals. */
    public record CommuneRow(
            String code,
            String name,
            int villages,
            int villagesReached,
            int difficultVillages,
            int difficultReached,
            long activities,
            long people,
            long households) {

        public int difficultNotReached() {
            return difficultVillages - difficultReached;
        }
    }

    public long totalActivities() {
        return months.stream().mapToLong(Coverage.MonthTotal::activities).sum();
    }

    public long totalPeople() {
        return months.stream().mapToLong(Coverage.MonthTotal::people).sum();
    }
}
