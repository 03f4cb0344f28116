package vn.chungtay.reporting;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.UnitListImported;
import vn.chungtay.reporting.internal.Indicators;
import vn.chungtay.reporting.internal.ReportRow;
import vn.chungtay.reporting.internal.ReportStore;
import vn.chungtay.reporting.internal.ReportUnits;
import vn.chungtay.reporting.internal.ReportWorkflow;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * The roll-up: for a unit (or the whole country) and a period, the sum of the accepted reports of
 * the units below, with completeness and timeliness. A period whose units are today's is read on
 * its own hierarchy; an earlier one (before a merger) is read under today's units through the
 * merger links, so a 2024 report of an old commune rolls up into today's province and shows under
 * today's commune. The completeness dashboard is the same data.
 *
 * <p>Built for the whole country (issue 7): which units are expected and where they belong today is
 * hierarchy, worked out once per unit, period and day (and again after a unit-list import); the
 * reports' part is read with a few set-based queries for all units at once (the sums per province
 * by the database); and each answer is kept until the period's reports change — the stamp of the
 * period (how many reports and how often they were written, counted by a trigger on {@code report},
 * so also across several app instances and for writes that bypass this module) is read first and
 * a cached answer is used only while the stamp is the same. The first, unit-by-unit version is kept
 * in the tests (ReferenceConsolidation), which compare this one with it.
 */
@Service
@Transactional(readOnly = true)
public class ReportConsolidation {

    private static final int MAX_CACHED = 400;

    /** A unit expected to report, where it belongs today, and whether it counts under the unit asked for. */
    record Expected(
            OrgUnitView unit, ReportUnits.Place place, List<ConsolidatedReport.Place> places, boolean countedHere) {}

    /** The hierarchy part of a roll-up: the units expected to report, in order. */
    record Plan(boolean across, List<Expected> expected) {}

    private record PlanKey(
            long unitId, PeriodId period, LocalDate endsOn, ReportLevel level, String scope, LocalDate today) {}

    private record ResultKey(PeriodView period, String unitCode, LocalDate today) {}

    private record Cached(ReportStore.Stamp stamp, ConsolidatedReport report) {}

    private final ReportStore reports;
    private final ReportUnits units;
    private final Indicators indicators;
    private final Map<PlanKey, Plan> plans = new ConcurrentHashMap<>();
    private final Map<PartKey, Part> parts = new ConcurrentHashMap<>();
    private final Map<ResultKey, Cached> results = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ResultKey, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    });

    ReportConsolidation(ReportStore reports, ReportUnits units, Indicators indicators) {
        this.reports = reports;
        this.units = units;
        this.indicators = indicators;
    }

    @EventListener
    void on(UnitListImported imported) {
        plans.clear();
        parts.clear();
        results.clear();
    }

    /** The consolidated report of a unit ({@code null}: the whole country, national actors only). */
    public ConsolidatedReport consolidated(String unitCode, PeriodView period) {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read reports");
        }
        LocalDate today = units.today();
        if (unitCode == null || unitCode.isBlank()) {
            if (!actor.isNational()) {
                throw new OutsideScope(actor.username() + " may not read the national report");
            }
            return cached(new ResultKey(period, null, today), () -> national(period, today));
        }
        String code = unitCode.strip();
        Optional<OrgUnitView> current = units.unit(code, today);
        Optional<OrgUnitView> then = units.unit(code, period.endsOn());
        OrgUnitView unit = current.or(() -> then).orElseThrow(() -> new ReportNotFound("unit " + code));
        if (!units.covers(actor, unit)) {
            throw new OutsideScope(actor.username() + " may not read the consolidated report of " + code);
        }
        return cached(new ResultKey(period, unit.code(), today), () -> ofUnit(unit, then, period, today));
    }

    /** Forgets every kept answer (the next ones are computed again); for tests and after bulk loads. */
    public void forget() {
        plans.clear();
        parts.clear();
        results.clear();
    }

    private ConsolidatedReport cached(ResultKey key, java.util.function.Supplier<ConsolidatedReport> compute) {
        ReportStore.Stamp stamp = reports.stamp(key.period().id());
        Cached kept = results.get(key);
        if (kept != null && kept.stamp().equals(stamp)) {
            return kept.report();
        }
        ConsolidatedReport report = compute.get();
        results.put(key, new Cached(stamp, report));
        return report;
    }

    // ---- the whole country: a part per province, recomputed only when its reports changed -------

    /** What the national report shows of a province, with the stamp of its units' reports. */
    private record Part(
            ReportStore.Stamp stamp,
            boolean across,
            ConsolidatedReport.Completeness completeness,
            Map<String, Long> totals,
            List<IndicatorDefinition> definitions) {}

    private record PartKey(PeriodView period, long provinceId, LocalDate today) {}

    private ConsolidatedReport national(PeriodView period, LocalDate today) {
        List<OrgUnitView> provinces = units.provinces(today);
        List<Plan> provincePlans = new ArrayList<>();
        for (OrgUnitView province : provinces) {
            provincePlans.add(plan(province, null, period, today));
        }
        // which provinces' reports changed since their parts were summed
        Map<String, Long> changes = reports.changes(period.id());
        List<Part> found = new ArrayList<>();
        List<ReportStore.Stamp> stamps = new ArrayList<>();
        Set<String> staleCodes = new LinkedHashSet<>();
        for (int i = 0; i < provinces.size(); i++) {
            long count = 0;
            long sum = 0;
            for (Expected e : provincePlans.get(i).expected()) {
                Long c = changes.get(e.unit().code());
                if (c != null) {
                    count++;
                    sum += c;
                }
            }
            ReportStore.Stamp stamp = new ReportStore.Stamp(count, sum);
            stamps.add(stamp);
            Part part = parts.get(new PartKey(period, provinces.get(i).id(), today));
            if (part == null || !part.stamp().equals(stamp)) {
                part = null;
                provincePlans
                        .get(i)
                        .expected()
                        .forEach(e -> staleCodes.add(e.unit().code()));
            }
            found.add(part);
        }
        if (!staleCodes.isEmpty()) {
            recomputeParts(period, today, provinces, provincePlans, stamps, found, staleCodes);
        }

        List<IndicatorDefinition> definitions = indicators.of(period.template());
        List<ConsolidatedReport.Row> rows = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        ConsolidatedReport.Completeness all = ConsolidatedReport.Completeness.NONE;
        boolean across = false;
        for (int i = 0; i < provinces.size(); i++) {
            OrgUnitView province = provinces.get(i);
            Part part = found.get(i);
            across |= part.across();
            definitions = merge(definitions, part.definitions());
            part.totals().forEach((k, v) -> totals.merge(k, v, Long::sum));
            all = all.plus(part.completeness());
            rows.add(new ConsolidatedReport.Row(
                    province.code(),
                    province.fullName(),
                    province.code(),
                    province.fullName(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    part.totals(),
                    true,
                    false,
                    part.completeness()));
        }
        return new ConsolidatedReport(period, null, null, across, definitions, totals, rows, all, List.of(), today);
    }

    /** Sums the parts of the provinces that changed: their reports in one query, their figures summed by the database. */
    private void recomputeParts(
            PeriodView period,
            LocalDate today,
            List<OrgUnitView> provinces,
            List<Plan> provincePlans,
            List<ReportStore.Stamp> stamps,
            List<Part> found,
            Set<String> codes) {
        Map<String, ReportRow> byUnit = new HashMap<>();
        reports.ofPeriod(period.id(), codes).forEach(r -> byUnit.put(r.unitCode(), r));
        LocalDate due = period.dueOn(period.lowestLevel()).orElse(null);
        Map<Integer, ConsolidatedReport.Completeness> completeness = new HashMap<>();
        List<Long> countedIds = new ArrayList<>();
        List<Integer> countedGroups = new ArrayList<>();
        Map<Integer, Long> firstAccepted = new LinkedHashMap<>();
        for (int i = 0; i < provinces.size(); i++) {
            if (found.get(i) != null) {
                continue;
            }
            ConsolidatedReport.Completeness part = ConsolidatedReport.Completeness.NONE;
            for (Expected e : provincePlans.get(i).expected()) {
                ReportRow row = byUnit.get(e.unit().code());
                boolean accepted = row != null && row.status() == ReportStatus.ACCEPTED;
                if (accepted) {
                    firstAccepted.putIfAbsent(i, row.id().value());
                }
                if (e.countedHere()) {
                    Timeliness timeliness =
                            row == null ? Timeliness.NOT_YET : ReportWorkflow.timeliness(row.firstSubmittedAt(), due);
                    part = part.plus(ConsolidatedReport.Completeness.of(timeliness, accepted));
                    if (accepted) {
                        countedIds.add(row.id().value());
                        countedGroups.add(i);
                    }
                }
            }
            completeness.put(i, part);
        }
        Map<Integer, Map<String, Long>> sums = reports.sums(countedIds, countedGroups);
        Map<Long, List<FigureView>> stored = reports.figures(firstAccepted.values());
        List<IndicatorDefinition> base = indicators.of(period.template());
        for (int i = 0; i < provinces.size(); i++) {
            if (found.get(i) != null) {
                continue;
            }
            Map<String, IndicatorDefinition> own = new LinkedHashMap<>();
            Long first = firstAccepted.get(i);
            if (first != null) {
                stored.getOrDefault(first, List.of()).forEach(f -> own.putIfAbsent(f.code(), f.definition()));
            }
            List<IndicatorDefinition> definitions = merge(base, List.copyOf(own.values()));
            Map<String, Long> totals = new LinkedHashMap<>();
            Map<String, Long> summed = sums.getOrDefault(i, Map.of());
            definitions.stream()
                    .filter(IndicatorDefinition::summable)
                    .forEach(d -> totals.put(d.code(), summed.getOrDefault(d.code(), 0L)));
            Part part = new Part(
                    stamps.get(i),
                    provincePlans.get(i).across(),
                    completeness.get(i),
                    Collections.unmodifiableMap(totals),
                    definitions);
            if (parts.size() > 4 * MAX_CACHED) {
                parts.clear();
            }
            parts.put(new PartKey(period, provinces.get(i).id(), today), part);
            found.set(i, part);
        }
    }

    // ---- one unit ----------------------------------------------------------------------------

    private ConsolidatedReport ofUnit(
            OrgUnitView unit, Optional<OrgUnitView> then, PeriodView period, LocalDate today) {
        Plan plan = plan(unit, then, period, today);
        Map<String, ReportRow> byUnit = new HashMap<>();
        reports.ofPeriod(
                        period.id(),
                        plan.expected().stream().map(e -> e.unit().code()).toList())
                .forEach(r -> byUnit.put(r.unitCode(), r));
        List<Long> acceptedIds = byUnit.values().stream()
                .filter(r -> r.status() == ReportStatus.ACCEPTED)
                .map(r -> r.id().value())
                .toList();
        Map<Long, Map<String, Long>> values = reports.values(acceptedIds);
        Map<String, IndicatorDefinition> stored = new LinkedHashMap<>();
        if (!acceptedIds.isEmpty()) {
            reports.figures(List.of(acceptedIds.get(0)))
                    .values()
                    .forEach(list -> list.forEach(f -> stored.putIfAbsent(f.code(), f.definition())));
        }
        List<IndicatorDefinition> definitions = merge(indicators.of(period.template()), List.copyOf(stored.values()));
        Set<String> summable = new LinkedHashSet<>();
        definitions.stream().filter(IndicatorDefinition::summable).forEach(d -> summable.add(d.code()));
        LocalDate due = period.dueOn(period.lowestLevel()).orElse(null);

        List<ConsolidatedReport.Row> rows = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        summable.forEach(code -> totals.put(code, 0L));
        ConsolidatedReport.Completeness completeness = ConsolidatedReport.Completeness.NONE;
        List<Long> counted = new ArrayList<>();
        Map<Long, OrgUnitView> countedUnits = new HashMap<>();
        for (Expected e : plan.expected()) {
            OrgUnitView u = e.unit();
            ReportRow row = byUnit.get(u.code());
            Timeliness timeliness =
                    row == null ? Timeliness.NOT_YET : ReportWorkflow.timeliness(row.firstSubmittedAt(), due);
            boolean accepted = row != null && row.status() == ReportStatus.ACCEPTED;
            boolean isCounted = accepted && e.countedHere();
            Map<String, Long> figures = accepted ? values.getOrDefault(row.id().value(), Map.of()) : Map.of();
            if (isCounted) {
                figures.forEach((code, value) -> {
                    if (summable.contains(code)) {
                        totals.merge(code, value, Long::sum);
                    }
                });
                counted.add(row.id().value());
                countedUnits.put(row.id().value(), u);
            }
            if (e.countedHere()) {
                completeness = completeness.plus(ConsolidatedReport.Completeness.of(timeliness, accepted));
            }
            rows.add(new ConsolidatedReport.Row(
                    u.code(),
                    u.fullName(),
                    e.place().code(),
                    e.place().name(),
                    e.places(),
                    row == null ? null : row.id(),
                    row == null ? null : row.status(),
                    timeliness,
                    row == null ? null : row.submittedAt(),
                    figures,
                    isCounted,
                    e.place().partial(),
                    ConsolidatedReport.Completeness.of(timeliness, accepted)));
        }
        rows.sort(
                Comparator.comparing(ConsolidatedReport.Row::name, Collator.getInstance(Locale.forLanguageTag("vi"))));
        List<ConsolidatedReport.Narrative> narratives = new ArrayList<>();
        Map<Long, Map<String, String>> texts = reports.narratives(counted);
        for (String section : period.template().sections()) {
            for (Long id : counted) {
                String text = texts.getOrDefault(id, Map.of()).get(section);
                if (text != null && !text.isBlank()) {
                    narratives.add(new ConsolidatedReport.Narrative(
                            countedUnits.get(id).code(), countedUnits.get(id).fullName(), section, text));
                }
            }
        }
        return new ConsolidatedReport(
                period,
                unit.code(),
                unit.fullName(),
                plan.across(),
                definitions,
                totals,
                rows,
                completeness,
                narratives,
                today);
    }

    // ---- the hierarchy part, kept per unit, period and day ---------------------------------------

    /**
     * The units expected to report under a unit in a period: on the period's own hierarchy when the
     * unit then is the unit now (or the unit no longer exists), else today's communes under the unit
     * and the units that held their places then ({@code then}: the unit as it was on the period's end
     * date, looked up when null).
     */
    private Plan plan(OrgUnitView unit, Optional<OrgUnitView> then, PeriodView period, LocalDate today) {
        PlanKey key =
                new PlanKey(unit.id(), period.id(), period.endsOn(), period.lowestLevel(), period.scopeCode(), today);
        Plan plan = plans.get(key);
        if (plan == null) {
            if (plans.size() > 2 * MAX_CACHED) {
                plans.clear();
            }
            plan = computePlan(unit, then == null ? units.unit(unit.code(), period.endsOn()) : then, period, today);
            plans.put(key, plan);
        }
        return plan;
    }

    private Plan computePlan(OrgUnitView unit, Optional<OrgUnitView> then, PeriodView period, LocalDate today) {
        ReportLevel level = period.lowestLevel();
        boolean sameHierarchy = then.isPresent() && then.get().id() == unit.id();
        boolean current = unit.validTo() == null;
        List<OrgUnitView> expected;
        boolean across;
        Set<String> withinToday = Set.of();
        if (sameHierarchy || !current) {
            across = false;
            OrgUnitView root = then.orElse(unit);
            expected = ReportLevel.of(root).filter(l -> l == level).isPresent()
                    ? List.of(root)
                    : units.reportingUnitsUnder(root.code(), period.endsOn(), level);
        } else {
            across = true;
            List<OrgUnitView> subtree =
                    ReportLevel.of(unit).filter(l -> l == ReportLevel.COMMUNE).isPresent()
                            ? List.of(unit)
                            : units.subtree(unit.code(), today);
            Set<String> within = new HashSet<>();
            within.add(unit.code());
            subtree.forEach(u -> within.add(u.code()));
            withinToday = within;
            Map<Long, OrgUnitView> found = new LinkedHashMap<>();
            units.prepareHolders(subtree.stream().filter(OrgUnitView::isCommune).toList(), period.endsOn());
            for (OrgUnitView commune : subtree) {
                if (!commune.isCommune()) {
                    continue;
                }
                for (OrgUnitView holder : units.holdersOn(commune, period.endsOn())) {
                    if (ReportLevel.of(holder).filter(l -> l == level).isPresent()) {
                        found.putIfAbsent(holder.id(), holder);
                    }
                }
            }
            expected = new ArrayList<>(found.values());
        }
        if (period.scopeCode() != null) {
            Set<String> scope = new HashSet<>();
            units.subtree(period.scopeCode(), period.endsOn()).forEach(u -> scope.add(u.code()));
            expected = expected.stream().filter(u -> scope.contains(u.code())).toList();
        }
        List<Expected> list = new ArrayList<>();
        units.preparePlaces(expected);
        for (OrgUnitView u : expected) {
            ReportUnits.Place place = units.placeOf(u);
            List<ConsolidatedReport.Place> places = place.successors().stream()
                    .map(s -> new ConsolidatedReport.Place(s.code(), s.name()))
                    .toList();
            boolean countedHere = true;
            if (across) {
                Set<String> within = withinToday;
                places = places.stream().filter(p -> within.contains(p.code())).toList();
                countedHere = within.contains(place.code());
            }
            list.add(new Expected(u, place, places, countedHere));
        }
        return new Plan(across, List.copyOf(list));
    }

    private static List<IndicatorDefinition> merge(List<IndicatorDefinition> first, List<IndicatorDefinition> more) {
        Map<String, IndicatorDefinition> all = new LinkedHashMap<>();
        first.forEach(d -> all.put(d.code(), d));
        more.forEach(d -> all.putIfAbsent(d.code(), d));
        return List.copyOf(all.values());
    }
}
