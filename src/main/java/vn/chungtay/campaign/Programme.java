package vn.chungtay.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A national programme campaigns serve (Decision 588/QĐ-TTg for 2019–2025, its successor …): its
 * period, goals, the indicators it reports and the levels that organise campaigns. Programmes are
 * data, loaded from {@code reference/programme/programmes.csv} and kept in the database.
 */
public record Programme(
        String code,
        String name,
        String nameEn,
        String decision,
        LocalDate periodFrom,
        LocalDate periodTo,
        List<String> organisingLevels,
        String goals,
        String goalsEn,
        List<ProgrammeIndicator> indicators) {

    public Programme {
        organisingLevels = List.copyOf(organisingLevels);
        indicators = List.copyOf(indicators);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(periodFrom) && !day.isAfter(periodTo);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && !nameEn.isBlank() ? nameEn : name;
    }

    public String goals(Locale locale) {
        return "en".equals(locale.getLanguage()) && !goalsEn.isBlank() ? goalsEn : goals;
    }
}
