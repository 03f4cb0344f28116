package vn.chungtay.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.reporting.internal.Indicators;
import vn.chungtay.reporting.internal.PeriodStore;
import vn.chungtay.reporting.internal.ReportRow;
import vn.chungtay.reporting.internal.ReportStore;
import vn.chungtay.reporting.internal.ReportUnits;
import vn.chungtay.reporting.internal.ReportWorkflow;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * The annual report of a unit: opening it for a period, its figures (live from the records while
 * the unit writes, snapshotted on submission), narrative and adjustments, and the workflow with
 * the level above (submit, return with comments, accept, bulk accept, reopen). The unit's officers
 * (and their province, administrators) write and submit; province officers and administrators
 * decide on reports of units within their scope, never on their own unit's.
 */
@Service
@Transactional(readOnly = true)
public class ReportingManagement {

    private final ReportWorkflow workflow;
    private final ReportStore reports;
    private final PeriodStore periods;
    private final ReportUnits units;
    private final Indicators indicators;
    private final Clock clock;

    ReportingManagement(
            ReportWorkflow workflow,
            ReportStore reports,
            PeriodStore periods,
            ReportUnits units,
            Indicators indicators,
            Clock clock) {
        this.workflow = workflow;
        this.reports = reports;
        this.periods = periods;
        this.units = units;
        this.indicators = indicators;
        this.clock = clock;
    }

    /** Every indicator the modules provide, in report order. */
    public List<IndicatorDefinition> indicators() {
        return indicators.all();
    }

    public LocalDate today() {
        return ReportWorkflow.date(Instant.now(clock));
    }

    // ---- reading ---------------------------------------------------------------------------

    public ReportView get(ReportId id) {
        ReportRow row = workflow.row(id);
        PeriodView period = workflow.period(row.periodId());
        requireReadable(CurrentActor.get(), row, period);
        return workflow.view(row, period);
    }

    public List<HistoryEntry> history(ReportId id) {
        get(id);
        return reports.history(id);
    }

    /** The report of a unit for a period, if opened. */
    public Optional<ReportView> find(String unitCode, PeriodId periodId) {
        PeriodView period = workflow.period(periodId);
        Optional<ReportRow> row = reports.find(periodId, unitCode);
        row.ifPresent(r -> requireReadable(CurrentActor.get(), r, period));
        return row.map(r -> workflow.view(r, period));
    }

    /**
     * The reports of the actor's unit, one per period it reports in (for a unit formed by a
     * merger, its predecessors' in the periods before), the current period first.
     */
    public List<ReportSummary> mine() {
        Actor actor = CurrentActor.get();
        if (actor.scopeCode() == null) {
            return List.of();
        }
        Optional<OrgUnitView> current = units.unit(actor.scopeCode(), today());
        if (current.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        List<ReportSummary> list = new ArrayList<>();
        List<PeriodView> all = new ArrayList<>(periods.periods());
        all.sort(Comparator.comparing((PeriodView p) ->
                        !(p.startsOn().isAfter(today) || p.endsOn().isBefore(today))
                                ? 0
                                : p.startsOn().isAfter(today) ? 2 : 1)
                .thenComparing(PeriodView::endsOn, Comparator.reverseOrder()));
        for (PeriodView period : all) {
            for (OrgUnitView unit : units.holdersOn(current.get(), period.endsOn())) {
                if (units.reportingLevel(unit, period).isEmpty() || !units.inScope(unit, period)) {
                    continue;
                }
                Optional<ReportRow> row = reports.find(period.id(), unit.code());
                list.add(row.map(r -> summary(r, period)).orElseGet(() -> notOpened(unit, period)));
            }
        }
        return list;
    }

    /** Summaries of reports the actor may read, in the order given (others are left out). */
    public List<ReportSummary> summaries(List<ReportId> ids) {
        Actor actor = CurrentActor.get();
        List<ReportSummary> list = new ArrayList<>();
        for (ReportId id : ids) {
            Optional<ReportRow> row = reports.find(id);
            if (row.isEmpty()) {
                continue;
            }
            PeriodView period = workflow.period(row.get().periodId());
            try {
                requireReadable(actor, row.get(), period);
                list.add(summary(row.get(), period));
            } catch (OutsideScope e) {
                // not the actor's to see
            }
        }
        return list;
    }

    /** Submitted reports the actor decides on (the level above), oldest submission first. */
    public List<ReportSummary> inbox() {
        Actor actor = CurrentActor.get();
        if (!(actor.has(Role.ADMIN) || actor.has(Role.PROVINCE_OFFICER))) {
            return List.of();
        }
        List<ReportSummary> list = new ArrayList<>();
        for (ReportRow row : reports.withStatus(ReportStatus.SUBMITTED)) {
            PeriodView period = workflow.period(row.periodId());
            if (canDecide(actor, row, period)) {
                list.add(summary(row, period));
            }
        }
        return list;
    }

    // ---- the unit writes ---------------------------------------------------------------------

    /** Opens the unit's report for the period (a draft filled from the records), or returns it if open. */
    @Transactional
    public ReportView open(String unitCode, PeriodId periodId) {
        Actor actor = CurrentActor.get();
        PeriodView period = workflow.period(periodId);
        OrgUnitView unit = units.unit(unitCode == null ? "" : unitCode.strip(), period.endsOn())
                .orElseThrow(() -> new InvalidReportInput("unit", "reporting.unit.unknown", unitCode));
        if (!actor.canManage() || !units.covers(actor, unit)) {
            throw new OutsideScope(actor.username() + " may not open the report of " + unit.code());
        }
        return workflow.open(period, unit, actor, Instant.now(clock));
    }

    /** Saves the narrative sections (and the document number); sections left out stay as they are. */
    @Transactional
    public ReportView write(ReportId id, Map<String, String> sections, String number) {
        Actor actor = CurrentActor.get();
        ReportRow row = lockedForWriting(id, actor);
        return workflow.write(row, workflow.period(row.periodId()), sections, number, actor, Instant.now(clock));
    }

    /**
     * Reports another value than the computed one for an indicator; a note saying why is required
     * and the computed value stays beside it. {@code value} as typed, whole and not negative.
     */
    @Transactional
    public ReportView adjust(ReportId id, String indicatorCode, String value, String note) {
        Actor actor = CurrentActor.get();
        ReportRow row = lockedForWriting(id, actor);
        String typed = value == null ? "" : value.strip().replaceAll("[.,\\s]", "");
        if (!typed.matches("\\d{1,15}")) {
            throw new InvalidReportInput("value", "reporting.adjust.valueInvalid");
        }
        return workflow.adjust(
                row, workflow.period(row.periodId()), indicatorCode, Long.parseLong(typed), note, Instant.now(clock));
    }

    /** Goes back to the computed value of an indicator. */
    @Transactional
    public ReportView clearAdjustment(ReportId id, String indicatorCode) {
        Actor actor = CurrentActor.get();
        ReportRow row = lockedForWriting(id, actor);
        return workflow.adjust(row, workflow.period(row.periodId()), indicatorCode, null, null, Instant.now(clock));
    }

    /** Sends the report to the level above: figures snapshotted, e-mailed with its DOCX and PDF. */
    @Transactional
    public ReportView submit(ReportId id) {
        Actor actor = CurrentActor.get();
        ReportRow row = lockedForWriting(id, actor);
        return workflow.submit(row, workflow.period(row.periodId()), actor, Instant.now(clock));
    }

    // ---- the level above decides -------------------------------------------------------------

    @Transactional
    public ReportView returnToUnit(ReportId id, String comment) {
        Actor actor = CurrentActor.get();
        ReportRow row = lockedForDecision(id, actor);
        return workflow.returnToUnit(row, workflow.period(row.periodId()), comment, actor, Instant.now(clock));
    }

    @Transactional
    public ReportView accept(ReportId id) {
        Actor actor = CurrentActor.get();
        ReportRow row = lockedForDecision(id, actor);
        return workflow.accept(row, workflow.period(row.periodId()), actor, Instant.now(clock));
    }

    /** Accepts every submitted report of the list the actor decides on; returns how many were accepted. */
    @Transactional
    public int acceptAll(List<ReportId> ids) {
        Actor actor = CurrentActor.get();
        int accepted = 0;
        for (ReportId id : ids) {
            ReportRow row = lockedForDecision(id, actor);
            if (row.status() == ReportStatus.SUBMITTED) {
                workflow.accept(row, workflow.period(row.periodId()), actor, Instant.now(clock));
                accepted++;
            }
        }
        return accepted;
    }

    /** Reopens an accepted report with a reason; it goes back to the unit as returned. */
    @Transactional
    public ReportView reopen(ReportId id, String reason) {
        Actor actor = CurrentActor.get();
        ReportRow row = lockedForDecision(id, actor);
        return workflow.reopen(row, workflow.period(row.periodId()), reason, actor, Instant.now(clock));
    }

    // ---- who may do what -------------------------------------------------------------------

    /** Whether the actor may write in and submit the report (its unit's officers, the province, administrators). */
    public boolean canWrite(Actor actor, ReportView report) {
        return canWrite(actor, report.unitCode(), report.period())
                && report.status().isEditable();
    }

    /** Whether the actor decides on the report: province officers and administrators above the unit. */
    public boolean canDecide(Actor actor, ReportView report) {
        return canDecide(actor, reports.find(report.id()).orElseThrow(), report.period());
    }

    private boolean canWrite(Actor actor, String unitCode, PeriodView period) {
        if (!actor.canManage()) {
            return false;
        }
        return units.unit(unitCode, period.endsOn())
                .map(u -> units.covers(actor, u))
                .orElse(false);
    }

    private boolean canDecide(Actor actor, ReportRow row, PeriodView period) {
        if (!(actor.has(Role.ADMIN) || actor.has(Role.PROVINCE_OFFICER))) {
            return false;
        }
        if (actor.isNational()) {
            return true;
        }
        if (row.unitCode().equals(actor.scopeCode())) {
            return false;
        }
        return units.unit(row.unitCode(), period.endsOn())
                .map(u -> units.covers(actor, u))
                .orElse(false);
    }

    private void requireReadable(Actor actor, ReportRow row, PeriodView period) {
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read reports");
        }
        if (actor.isNational()) {
            return;
        }
        Optional<OrgUnitView> unit = units.unit(row.unitCode(), period.endsOn());
        if (unit.isEmpty() || !units.covers(actor, unit.get())) {
            throw new OutsideScope(actor.username() + " may not read the report of " + row.unitCode());
        }
    }

    private ReportRow lockedForWriting(ReportId id, Actor actor) {
        ReportRow row = reports.lock(id).orElseThrow(() -> new ReportNotFound("report " + id));
        PeriodView period = workflow.period(row.periodId());
        if (!canWrite(actor, row.unitCode(), period)) {
            throw new OutsideScope(actor.username() + " may not write the report of " + row.unitCode());
        }
        return row;
    }

    private ReportRow lockedForDecision(ReportId id, Actor actor) {
        ReportRow row = reports.lock(id).orElseThrow(() -> new ReportNotFound("report " + id));
        PeriodView period = workflow.period(row.periodId());
        if (!canDecide(actor, row, period)) {
            throw new OutsideScope(actor.username() + " may not decide on the report of " + row.unitCode());
        }
        return row;
    }

    ReportSummary summary(ReportRow row, PeriodView period) {
        LocalDate due = period.dueOn(row.level()).orElse(null);
        return new ReportSummary(
                row.id(),
                period.id(),
                period.code(),
                period.name(),
                period.programmeCode(),
                row.unitCode(),
                row.unitName(),
                row.level(),
                row.receiverCode(),
                row.receiverName(),
                row.status(),
                row.firstSubmittedAt(),
                row.submittedAt(),
                ReportWorkflow.timeliness(row.firstSubmittedAt(), due),
                due,
                row.comment());
    }

    private static ReportSummary notOpened(OrgUnitView unit, PeriodView period) {
        ReportLevel level = ReportLevel.of(unit).orElse(ReportLevel.COMMUNE);
        return new ReportSummary(
                null,
                period.id(),
                period.code(),
                period.name(),
                period.programmeCode(),
                unit.code(),
                unit.fullName(),
                level,
                null,
                null,
                null,
                null,
                null,
                Timeliness.NOT_YET,
                period.dueOn(level).orElse(null),
                null);
    }
}
