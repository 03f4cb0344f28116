package vn.chungtay.reporting.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The defaults a new period gets (properties {@code chungtay.reporting.*}): communes are due
 * {@code commune-due-days} after the period ends (10 → 10 July for a year ending 30 June);
 * before {@code reform-date} districts report too, {@code district-due-days} after the end; data
 * entry closes {@code closing-days} after the due date. Dates are Vietnam's.
 */
@Component
public class ReportingSettings {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final int communeDueDays;
    private final int districtDueDays;
    private final int closingDays;
    private final LocalDate reformDate;
    private final String defaultProgramme;

    ReportingSettings(
            @Value("${chungtay.reporting.commune-due-days:10}") int communeDueDays,
            @Value("${chungtay.reporting.district-due-days:20}") int districtDueDays,
            @Value("${chungtay.reporting.closing-days:15}") int closingDays,
            @Value("${chungtay.reporting.reform-date:2025-07-01}") LocalDate reformDate,
            @Value("${chungtay.reporting.default-programme:DA588}") String defaultProgramme) {
        this.communeDueDays = communeDueDays;
        this.districtDueDays = districtDueDays;
        this.closingDays = closingDays;
        this.reformDate = reformDate;
        this.defaultProgramme = defaultProgramme;
    }

    public int communeDueDays() {
        return communeDueDays;
    }

    public int districtDueDays() {
        return districtDueDays;
    }

    public int closingDays() {
        return closingDays;
    }

    /** Periods ending before it report commune → district → province; later ones commune → province. */
    public LocalDate reformDate() {
        return reformDate;
    }

    public String defaultProgramme() {
        return defaultProgramme;
    }
}
