package vn.chungtay.reporting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.chungtay.reporting.ReportDocuments;
import vn.chungtay.reporting.internal.ReportingSettings;

/** Formatting for the reporting pages: Vietnam's dates and dot-grouped numbers. */
public final class ReportFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ReportingSettings.ZONE));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ReportingSettings.ZONE));
    }

    public String number(Long value) {
        return value == null ? "" : ReportDocuments.number(value);
    }
}
