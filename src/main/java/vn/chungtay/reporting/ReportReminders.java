package vn.chungtay.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.reporting.internal.PeriodStore;
import vn.chungtay.reporting.internal.ReportStore;
import vn.chungtay.reporting.internal.ReportUnits;
import vn.chungtay.reporting.internal.UnitAddresses;

/**
 * Which reminders are due: to units that have not submitted (no report, a draft, or a report sent
 * back), 14, 7 and 1 days before their level's due date and once after it, while data entry is
 * open; only to units with an e-mail address. {@link #claim} records that a reminder is sent (a row
 * of {@code report_reminder_sent}, inserted ON CONFLICT DO NOTHING) in the caller's transaction,
 * the one that writes the mail to the outbox: so each is sent once, whatever the instances.
 */
@Service
public class ReportReminders {

    private final PeriodStore periods;
    private final ReportStore reports;
    private final ReportUnits units;
    private final UnitAddresses addresses;
    private final ReportLetters letters;
    private final JdbcClient jdbc;

    ReportReminders(
            PeriodStore periods,
            ReportStore reports,
            ReportUnits units,
            UnitAddresses addresses,
            ReportLetters letters,
            JdbcClient jdbc) {
        this.periods = periods;
        this.reports = reports;
        this.units = units;
        this.addresses = addresses;
        this.letters = letters;
        this.jdbc = jdbc;
    }

    /** The reminders due on the day that were not sent yet. */
    @Transactional(readOnly = true)
    public List<DueReminder> due(LocalDate day) {
        List<DueReminder> due = new ArrayList<>();
        Map<String, String> all = addresses.all();
        for (PeriodView period : periods.periodsDueAround(day, 14)) {
            Map<String, ReportStatus> statuses = reports.statuses(period.id());
            for (Map.Entry<ReportLevel, LocalDate> deadline : period.deadlines().entrySet()) {
                LocalDate dueOn = deadline.getValue();
                if (day.isAfter(dueOn.plusDays(period.closingDays()))) {
                    continue;
                }
                Optional<ReminderKind> kind = ReminderKind.forDaysLeft(ChronoUnit.DAYS.between(day, dueOn));
                if (kind.isEmpty()) {
                    continue;
                }
                for (Map.Entry<String, String> address : all.entrySet()) {
                    ReportStatus status = statuses.get(address.getKey());
                    if (status == ReportStatus.SUBMITTED || status == ReportStatus.ACCEPTED) {
                        continue;
                    }
                    Optional<OrgUnitView> unit = units.unit(address.getKey(), period.endsOn())
                            .filter(u -> ReportLevel.of(u).orElse(null) == deadline.getKey())
                            .filter(u -> units.inScope(u, period));
                    if (unit.isPresent() && !sent(period.id(), unit.get().code(), kind.get())) {
                        due.add(new DueReminder(
                                period.id(),
                                unit.get().code(),
                                kind.get(),
                                letters.reminder(
                                        address.getValue(), unit.get().fullName(), period, dueOn, kind.get())));
                    }
                }
            }
        }
        return due;
    }

    /**
     * Records the reminder as sent, in the caller's transaction (the one that then writes the mail
     * to the outbox); false when it already was, by this or another instance, and then the caller
     * sends nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(DueReminder reminder) {
        return jdbc.sql("""
                                insert into report_reminder_sent (period_id, unit_code, kind)
                                values (:p, :u, :kind) on conflict do nothing""")
                        .param("p", reminder.periodId().value())
                        .param("u", reminder.unitCode())
                        .param("kind", reminder.kind().name())
                        .update()
                == 1;
    }

    /** Notes the outbox mail that carries a claimed reminder. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordMail(DueReminder reminder, long mailId) {
        jdbc.sql("update report_reminder_sent set mail_id = :mail where period_id = :p and unit_code = :u"
                        + " and kind = :kind")
                .param("mail", mailId)
                .param("p", reminder.periodId().value())
                .param("u", reminder.unitCode())
                .param("kind", reminder.kind().name())
                .update();
    }

    private boolean sent(PeriodId period, String unit, ReminderKind kind) {
        return jdbc.sql("select count(*) from report_reminder_sent where period_id = :p and unit_code = :u"
                                + " and kind = :kind")
                        .param("p", period.value())
                        .param("u", unit)
                        .param("kind", kind.name())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
