package vn.chungtay.reporting;

/**
 * A new reporting period as typed: the programme, a short code ({@code 2025}), a name ({@code năm
 * 2025–2026}), first and last day ({@code YYYY-MM-DD}), whose units report ({@code scopeCode},
 * empty for the whole country), optional due dates for communes and districts (defaults: 10 and 20
 * days after the end, districts only before the 2025 reform) and the days data entry stays open
 * after the due date (default 15).
 */
public record PeriodForm(
        String programmeCode,
        String code,
        String name,
        String startsOn,
        String endsOn,
        String scopeCode,
        String communeDueOn,
        String districtDueOn,
        String closingDays) {}
