package vn.chungtay.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.reporting.internal.PeriodStore;
import vn.chungtay.reporting.internal.ReportRow;
import vn.chungtay.reporting.internal.ReportStore;
import vn.chungtay.reporting.internal.ReportWorkflow;
import vn.chungtay.reporting.internal.UnitAddresses;
import vn.chungtay.shared.document.PdfDocuments;

/**
 * The letters of reporting, in Vietnamese (the language of the Front's correspondence): a
 * submitted report to the receiving unit's address with its DOCX and PDF, and the reminders. The
 * reporting e-mail module hands them to the mail outbox (reporting itself cannot depend on the
 * notification module: that depends on needs, which provide figures to reporting).
 */
@Service
@Transactional(readOnly = true)
public class ReportLetters {

    private static final Logger log = LoggerFactory.getLogger(ReportLetters.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReportStore reports;
    private final PeriodStore periods;
    private final ReportWorkflow workflow;
    private final UnitAddresses addresses;
    private final ReportDocuments documents;
    private final MessageSource messages;
    private final String baseUrl;

    ReportLetters(
            ReportStore reports,
            PeriodStore periods,
            ReportWorkflow workflow,
            UnitAddresses addresses,
            ReportDocuments documents,
            MessageSource messages,
            @Value("${chungtay.notification.base-url:http://localhost:8080}") String baseUrl) {
        this.reports = reports;
        this.periods = periods;
        this.workflow = workflow;
        this.addresses = addresses;
        this.documents = documents;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The letter carrying a submitted report (its DOCX and PDF) to the receiving unit, or empty when
     * that unit has no e-mail address. For the mail bridge, inside the submission's transaction.
     */
    public Optional<ReportLetter> submitted(ReportId id) {
        ReportRow row = reports.find(id).orElseThrow(() -> new ReportNotFound("report " + id));
        Optional<String> to = addresses.of(row.receiverCode());
        if (to.isEmpty()) {
            log.info(
                    "Report {} of {} submitted; {} has no e-mail address, nothing mailed",
                    id,
                    row.unitCode(),
                    row.receiverCode());
            return Optional.empty();
        }
        PeriodView period = periods.period(row.periodId()).orElseThrow();
        ReportView report = workflow.view(row, period);
        String title = period.template().title() + " " + period.name();
        String intro = msg("reporting.mail.submitted.body", report.unitName(), title, report.receiverName());
        String open = msg("reporting.mail.submitted.link");
        String link = baseUrl + "/reports/" + report.id();
        return Optional.of(new ReportLetter(
                to.get(),
                msg("reporting.mail.submitted.subject", report.unitName(), period.name()),
                html(intro, link, open),
                intro + "\n\n" + open + ": " + link + "\n",
                List.of(
                        new ReportLetter.File(
                                documents.fileName(report, "docx"), ReportDocuments.DOCX, documents.docx(report)),
                        new ReportLetter.File(
                                documents.fileName(report, "pdf"), ReportDocuments.PDF, documents.pdf(report)))));
    }

    /** A reminder to a unit that has not submitted. */
    public ReportLetter reminder(String email, String unitName, PeriodView period, LocalDate due, ReminderKind kind) {
        String body = msg(
                "reporting.mail.reminder.body." + kind.name(),
                unitName,
                period.template().title() + " " + period.name(),
                DAY.format(due));
        String open = msg("reporting.mail.reminder.link");
        String link = baseUrl + "/reports";
        return new ReportLetter(
                email,
                msg("reporting.mail.reminder.subject." + kind.name(), period.name(), DAY.format(due)),
                html(body, link, open),
                body + "\n\n" + open + ": " + link + "\n",
                List.of());
    }

    private static String html(String body, String link, String open) {
        return "<p>" + PdfDocuments.escape(body) + "</p><p><a href=\"" + PdfDocuments.escape(link) + "\">"
                + PdfDocuments.escape(open) + "</a></p>";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
