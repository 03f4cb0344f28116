package vn.chungtay.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.FigureView;
import vn.chungtay.reporting.InvalidReportInput;
import vn.chungtay.reporting.PeriodId;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportAccepted;
import vn.chungtay.reporting.ReportEdited;
import vn.chungtay.reporting.ReportId;
import vn.chungtay.reporting.ReportLevel;
import vn.chungtay.reporting.ReportNotFound;
import vn.chungtay.reporting.ReportOpened;
import vn.chungtay.reporting.ReportReopened;
import vn.chungtay.reporting.ReportReturned;
import vn.chungtay.reporting.ReportRuleViolated;
import vn.chungtay.reporting.ReportStatus;
import vn.chungtay.reporting.ReportSubmitted;
import vn.chungtay.reporting.ReportView;
import vn.chungtay.reporting.Timeliness;
import vn.chungtay.shared.security.Actor;

/**
 * The report's life, step by step, each at a given instant: open a draft, write the narrative and
 * adjust figures (with a note) while it is editable, submit (snapshot of the figures, e-mail to the
 * level above), return with comments, accept (then locked), reopen with a reason. Rules:
 * {@code acceptedReportsAreLocked}, {@code submittedReportsWaitForDecision}, {@code
 * dataEntryClosed}, {@code onlySubmittedReportsAreDecided}, {@code onlyAcceptedReportsAreReopened}.
 * Who may act is checked by the caller.
 */
@Component
public class ReportWorkflow {

    static final int MAX_NARRATIVE = 20_000;
    static final int MAX_NOTE = 1000;
    static final int MAX_COMMENT = 2000;

    private final PeriodStore periods;
    private final ReportStore reports;
    private final ReportUnits units;
    private final Indicators indicators;
    private final ApplicationEventPublisher events;

    ReportWorkflow(
            PeriodStore periods,
            ReportStore reports,
            ReportUnits units,
            Indicators indicators,
            ApplicationEventPublisher events) {
        this.periods = periods;
        this.reports = reports;
        this.units = units;
        this.indicators = indicators;
        this.events = events;
    }

    public static LocalDate date(Instant at) {
        return at.atZone(ReportingSettings.ZONE).toLocalDate();
    }

    public PeriodView period(PeriodId id) {
        return periods.period(id).orElseThrow(() -> new ReportNotFound("period " + id));
    }

    public ReportRow row(ReportId id) {
        return reports.find(id).orElseThrow(() -> new ReportNotFound("report " + id));
    }

    // ---- opening and reading -----------------------------------------------------------------

    /** The unit's report of the period, opened as a draft if it has none yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReportView open(PeriodView period, OrgUnitView unit, Actor actor, Instant at) {
        Optional<ReportRow> existing = reports.find(period.id(), unit.code());
        if (existing.isPresent()) {
            return view(existing.get(), period);
        }
        ReportLevel level = units.reportingLevel(unit, period)
                .filter(l -> units.inScope(unit, period))
                .orElseThrow(() -> new InvalidReportInput("unit", "reporting.unit.notReporting", unit.fullName()));
        Optional<OrgUnitView> receiver = units.receiver(unit, period);
        ReportId id = reports.insert(
                period.id(),
                unit.code(),
                unit.fullName(),
                level,
                receiver.map(OrgUnitView::code).orElse(null),
                receiver.map(OrgUnitView::fullName).orElse(null),
                at,
                actor.username());
        reports.history(id, at, actor.username(), "OPEN", null, null);
        ReportRow row = row(id);
        events.publishEvent(new ReportOpened(id, unit.code(), null, state(row)));
        return view(row, period);
    }

    public ReportView view(ReportRow row, PeriodView period) {
        List<FigureView> figures = row.status().isEditable() ? live(row, period) : reports.figures(row.id());
        Map<String, String> stored = reports.narrative(row.id());
        Map<String, String> narrative = new LinkedHashMap<>();
        for (String section : period.template().sections()) {
            narrative.put(section, stored.getOrDefault(section, ""));
        }
        return new ReportView(
                row.id(),
                period,
                row.unitCode(),
                row.unitName(),
                row.level(),
                row.receiverCode(),
                row.receiverName(),
                row.status(),
                figures,
                narrative,
                row.number(),
                row.firstSubmittedAt(),
                row.submittedAt(),
                row.submittedBy(),
                row.decidedAt(),
                row.decidedBy(),
                row.comment(),
                timeliness(row.firstSubmittedAt(), period.dueOn(row.level()).orElse(null)),
                period.dueOn(row.level()).orElse(null),
                closesOn(row, period),
                row.version());
    }

    public static Timeliness timeliness(Instant firstSubmitted, LocalDate due) {
        if (firstSubmitted == null) {
            return Timeliness.NOT_YET;
        }
        return due == null || !date(firstSubmitted).isAfter(due) ? Timeliness.ON_TIME : Timeliness.LATE;
    }

    /** The last day the unit may enter data: the level's closing day or the unit's extension, whichever is later. */
    public LocalDate closesOn(ReportRow row, PeriodView period) {
        LocalDate closes = period.closesOn(row.level()).orElse(period.endsOn());
        Optional<LocalDate> extension = periods.extension(period.id(), row.unitCode());
        return extension.filter(e -> e.isAfter(closes)).orElse(closes);
    }

    /** The figures straight from the records, with the officer's adjustments laid over them. */
    List<FigureView> live(ReportRow row, PeriodView period) {
        Optional<OrgUnitView> unit = units.unit(row.unitCode(), period.endsOn());
        FigureScope scope = unit.map(u -> units.figureScope(u, period))
                .orElseGet(
                        () -> new FigureScope(row.unitCode(), java.util.Set.of(), period.startsOn(), period.endsOn()));
        Map<String, FigureView> stored = new LinkedHashMap<>();
        reports.figures(row.id()).forEach(f -> stored.put(f.code(), f));
        return indicators.compute(period.template(), scope).stream()
                .map(f -> {
                    FigureView s = stored.get(f.code());
                    return s != null && s.isAdjusted()
                            ? new FigureView(f.definition(), f.computed(), s.adjusted(), s.note(), f.provided())
                            : f;
                })
                .toList();
    }

    // ---- the unit writes ---------------------------------------------------------------------

    @Transactional(propagation = Propagation.MANDATORY)
    public ReportView write(
            ReportRow row, PeriodView period, Map<String, String> sections, String number, Actor actor, Instant at) {
        requireEditable(row, period, at);
        Map<String, String> before = reports.narrative(row.id());
        Map<String, String> cleaned = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : sections.entrySet()) {
            if (!period.template().sections().contains(entry.getKey())) {
                throw new InvalidReportInput(entry.getKey(), "reporting.narrative.unknownSection", entry.getKey());
            }
            String text = entry.getValue() == null ? "" : entry.getValue().strip();
            if (text.length() > MAX_NARRATIVE) {
                throw new InvalidReportInput(entry.getKey(), "reporting.narrative.tooLong", MAX_NARRATIVE);
            }
            cleaned.put(entry.getKey(), text);
        }
        String cleanNumber = number == null ? null : number.strip();
        if (cleanNumber != null && cleanNumber.isEmpty()) {
            cleanNumber = null;
        }
        if (cleanNumber != null && !cleanNumber.matches("[0-9A-Za-z.\\-]{1,20}")) {
            throw new InvalidReportInput("number", "reporting.number.invalid");
        }
        cleaned.forEach((section, text) -> reports.putNarrative(row.id(), section, text));
        if (number != null) {
            reports.setNumber(row.id(), cleanNumber);
        }
        Map<String, Object> after = new LinkedHashMap<>(cleaned);
        after.put("number", cleanNumber);
        events.publishEvent(new ReportEdited(row.id(), row.unitCode(), new LinkedHashMap<>(before), after));
        return view(row(row.id()), period);
    }

    /** Adjusts a computed figure (a note says why), or with {@code value} null goes back to the computed one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReportView adjust(ReportRow row, PeriodView period, String code, Long value, String note, Instant at) {
        requireEditable(row, period, at);
        FigureView figure = live(row, period).stream()
                .filter(f -> f.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new InvalidReportInput("indicator", "reporting.indicator.unknown", code));
        String cleanNote = note == null ? "" : note.strip();
        if (value != null) {
            if (value < 0) {
                throw new InvalidReportInput("value", "reporting.adjust.valueInvalid");
            }
            if (cleanNote.isEmpty()) {
                throw new InvalidReportInput("note", "reporting.adjust.noteRequired");
            }
            if (cleanNote.length() > MAX_NOTE) {
                throw new InvalidReportInput("note", "reporting.adjust.noteTooLong", MAX_NOTE);
            }
        }
        FigureView adjusted = new FigureView(
                figure.definition(), figure.computed(), value, value == null ? null : cleanNote, figure.provided());
        reports.putFigure(row.id(), adjusted);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("indicator", code);
        before.put("adjusted", figure.adjusted());
        before.put("note", figure.note());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("indicator", code);
        after.put("computed", figure.computed());
        after.put("adjusted", value);
        after.put("note", adjusted.note());
        events.publishEvent(new ReportEdited(row.id(), row.unitCode(), before, after));
        return view(row(row.id()), period);
    }

    private void requireEditable(ReportRow row, PeriodView period, Instant at) {
        if (row.status() == ReportStatus.ACCEPTED) {
            throw new ReportRuleViolated("acceptedReportsAreLocked");
        }
        if (row.status() == ReportStatus.SUBMITTED) {
            throw new ReportRuleViolated("submittedReportsWaitForDecision");
        }
        LocalDate closes = closesOn(row, period);
        if (row.status() == ReportStatus.DRAFT && date(at).isAfter(closes)) {
            throw new ReportRuleViolated("dataEntryClosed", closes.toString());
        }
    }

    // ---- submission and decisions ----------------------------------------------------------

    /**
     * Snapshots the figures and sends the report up; the reporting e-mail module mails it (DOCX and
     * PDF) to the level above on {@link ReportSubmitted}, in this transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReportView submit(ReportRow row, PeriodView period, Actor actor, Instant at) {
        requireEditable(row, period, at);
        List<FigureView> figures = live(row, period);
        reports.replaceFigures(row.id(), figures);
        ReportRow submitted = new ReportRow(
                row.id(),
                row.periodId(),
                row.unitCode(),
                row.unitName(),
                row.level(),
                row.receiverCode(),
                row.receiverName(),
                ReportStatus.SUBMITTED,
                row.number(),
                row.firstSubmittedAt() == null ? at : row.firstSubmittedAt(),
                at,
                actor.username(),
                null,
                null,
                null,
                row.version());
        reports.update(submitted);
        Map<String, Long> snapshot = new LinkedHashMap<>();
        figures.forEach(f -> snapshot.put(f.code(), f.value()));
        reports.history(row.id(), at, actor.username(), "SUBMIT", null, snapshot);
        Map<String, Object> after = state(submitted);
        after.put("figures", snapshot);
        events.publishEvent(new ReportSubmitted(row.id(), row.unitCode(), state(row), after));
        return view(row(row.id()), period);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ReportView returnToUnit(ReportRow row, PeriodView period, String comment, Actor actor, Instant at) {
        if (row.status() != ReportStatus.SUBMITTED) {
            throw new ReportRuleViolated("onlySubmittedReportsAreDecided");
        }
        String text = requiredText(comment, "comment", "reporting.comment.required");
        ReportRow returned = decided(row, ReportStatus.RETURNED, text, actor, at);
        reports.update(returned);
        reports.history(row.id(), at, actor.username(), "RETURN", text, null);
        events.publishEvent(new ReportReturned(row.id(), row.unitCode(), state(row), state(returned)));
        return view(row(row.id()), period);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ReportView accept(ReportRow row, PeriodView period, Actor actor, Instant at) {
        if (row.status() != ReportStatus.SUBMITTED) {
            throw new ReportRuleViolated("onlySubmittedReportsAreDecided");
        }
        ReportRow accepted = decided(row, ReportStatus.ACCEPTED, null, actor, at);
        reports.update(accepted);
        reports.history(row.id(), at, actor.username(), "ACCEPT", null, null);
        events.publishEvent(new ReportAccepted(row.id(), row.unitCode(), state(row), state(accepted)));
        return view(row(row.id()), period);
    }

    /** The level above reopens an accepted report: it goes back to the unit as returned, with the reason. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReportView reopen(ReportRow row, PeriodView period, String reason, Actor actor, Instant at) {
        if (row.status() != ReportStatus.ACCEPTED) {
            throw new ReportRuleViolated("onlyAcceptedReportsAreReopened");
        }
        String text = requiredText(reason, "reason", "reporting.reason.required");
        ReportRow reopened = decided(row, ReportStatus.RETURNED, text, actor, at);
        reports.update(reopened);
        reports.history(row.id(), at, actor.username(), "REOPEN", text, null);
        events.publishEvent(new ReportReopened(row.id(), row.unitCode(), state(row), state(reopened)));
        return view(row(row.id()), period);
    }

    private static ReportRow decided(ReportRow row, ReportStatus status, String comment, Actor actor, Instant at) {
        return new ReportRow(
                row.id(),
                row.periodId(),
                row.unitCode(),
                row.unitName(),
                row.level(),
                row.receiverCode(),
                row.receiverName(),
                status,
                row.number(),
                row.firstSubmittedAt(),
                row.submittedAt(),
                row.submittedBy(),
                at,
                actor.username(),
                comment,
                row.version());
    }

    private static String requiredText(String text, String field, String key) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidReportInput(field, key);
        }
        if (clean.length() > MAX_COMMENT) {
            throw new InvalidReportInput(field, "reporting.comment.tooLong", MAX_COMMENT);
        }
        return clean;
    }

    static Map<String, Object> state(ReportRow row) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("period", row.periodId().value());
        state.put("unit", row.unitCode());
        state.put("status", row.status().name());
        state.put("receiver", row.receiverCode());
        state.put("comment", row.comment());
        return state;
    }
}
