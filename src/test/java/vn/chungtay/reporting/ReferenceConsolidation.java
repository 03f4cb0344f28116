package vn.chungtay.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.chungtay.organisation.OrgUnitView;
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
 * The roll-up as it was first written, unit by unit and query by query (about seven queries per
 * province, a scope check per unit): the reference the fast {@link ReportConsolidation} is tested
 * against ({@code ConsolidationFastPathIntegrationTests}) — same figures, rows, completeness and
 * timeliness. Test code only: a plain class the test builds from the module's beans (a bean of its
 * own would be a test-only bean in the shared context).
 */
class ReferenceConsolidation {

    private final ReportStore reports;
    private final ReportUnits units;
    private final Indicators indicators;

    ReferenceConsolidation(ReportStore reports, ReportUnits units, Indicators indicators) {
        this.reports = reports;
        this.units = units;
        this.indicators = indicators;
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
            return national(period, today);
        }
        String code = unitCode.strip();
        Optional<OrgUnitView> current = units.unit(code, today);
        Optional<OrgUnitView> then = units.unit(code, period.endsOn());
        OrgUnitView unit = current.or(() -> then).orElseThrow(() -> new ReportNotFound("unit " + code));
        if (!units.covers(actor, unit)) {
            throw new OutsideScope(actor.username() + " may not read the consolidated report of " + code);
        }
        return ofUnit(unit, then, period, today);
    }

    private ConsolidatedReport national(PeriodView period, LocalDate today) {
        List<ConsolidatedReport.Row> rows = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        ConsolidatedReport.Completeness completeness = ConsolidatedReport.Completeness.NONE;
        List<IndicatorDefinition> definitions = definitions(period, Map.of());
        boolean across = false;
        for (OrgUnitView province : units.provinces(today)) {
            ConsolidatedReport part = ofUnit(province, units.unit(province.code(), period.endsOn()), period, today);
            across |= part.acrossReform();
            definitions = merge(definitions, part.indicators());
            part.totals().forEach((k, v) -> totals.merge(k, v, Long::sum));
            completeness = completeness.plus(part.completeness());
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
        return new ConsolidatedReport(
                period, null, null, across, definitions, totals, rows, completeness, List.of(), today);
    }

    private ConsolidatedReport ofUnit(
            OrgUnitView unit, Optional<OrgUnitView> then, PeriodView period, LocalDate today) {
        ReportLevel level = period.lowestLevel();
        boolean sameHierarchy = then.isPresent() && then.get().id() == unit.id();
        boolean current = unit.validTo() == null;
        List<OrgUnitView> expected;
        boolean across;
        if (sameHierarchy || !current) {
            across = false;
            OrgUnitView root = then.orElse(unit);
            expected = ReportLevel.of(root).filter(l -> l == level).isPresent()
                    ? List.of(root)
                    : units.reportingUnitsUnder(root.code(), period.endsOn(), level);
        } else {
            across = true;
            Map<Long, OrgUnitView> found = new LinkedHashMap<>();
            List<OrgUnitView> todays =
                    ReportLevel.of(unit).filter(l -> l == ReportLevel.COMMUNE).isPresent()
                            ? List.of(unit)
                            : units.subtree(unit.code(), today).stream()
                                    .filter(OrgUnitView::isCommune)
                                    .toList();
            for (OrgUnitView commune : todays) {
                for (OrgUnitView holder : units.holdersOn(commune, period.endsOn())) {
                    if (ReportLevel.of(holder).filter(l -> l == level).isPresent()) {
                        found.putIfAbsent(holder.id(), holder);
                    }
                }
            }
            expected = new ArrayList<>(found.values());
        }
        if (period.scopeCode() != null) {
            expected = expected.stream().filter(u -> units.inScope(u, period)).toList();
        }
        Map<String, ReportRow> byUnit = new HashMap<>();
        reports.ofPeriod(period.id(), expected.stream().map(OrgUnitView::code).toList())
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
        List<IndicatorDefinition> definitions = definitions(period, stored);
        Set<String> summable = new LinkedHashSet<>();
        definitions.stream().filter(IndicatorDefinition::summable).forEach(d -> summable.add(d.code()));
        LocalDate due = period.dueOn(level).orElse(null);

        List<ConsolidatedReport.Row> rows = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        summable.forEach(code -> totals.put(code, 0L));
        ConsolidatedReport.Completeness completeness = ConsolidatedReport.Completeness.NONE;
        List<Long> counted = new ArrayList<>();
        Map<Long, OrgUnitView> countedUnits = new HashMap<>();
        for (OrgUnitView u : expected) {
            ReportUnits.Place place = units.placeOf(u);
            List<ConsolidatedReport.Place> places = place.successors().stream()
                    .map(s -> new ConsolidatedReport.Place(s.code(), s.name()))
                    .toList();
            if (across) {
                places = places.stream()
                        .filter(p -> p.code().equals(unit.code()) || units.isWithinToday(p.code(), unit.code()))
                        .toList();
            }
            boolean countedHere =
                    !across || place.code().equals(unit.code()) || units.isWithinToday(place.code(), unit.code());
            ReportRow row = byUnit.get(u.code());
            Timeliness timeliness =
                    row == null ? Timeliness.NOT_YET : ReportWorkflow.timeliness(row.firstSubmittedAt(), due);
            boolean accepted = row != null && row.status() == ReportStatus.ACCEPTED;
            boolean isCounted = accepted && countedHere;
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
            if (countedHere) {
                completeness = completeness.plus(ConsolidatedReport.Completeness.of(timeliness, accepted));
            }
            rows.add(new ConsolidatedReport.Row(
                    u.code(),
                    u.fullName(),
                    place.code(),
                    place.name(),
                    places,
                    row == null ? null : row.id(),
                    row == null ? null : row.status(),
                    timeliness,
                    row == null ? null : row.submittedAt(),
                    figures,
                    isCounted,
                    place.partial(),
                    ConsolidatedReport.Completeness.of(timeliness, accepted)));
        }
        rows.sort(java.util.Comparator.comparing(
                ConsolidatedReport.Row::name, java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))));
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
                across,
                definitions,
                totals,
                rows,
                completeness,
                narratives,
                today);
    }

    /** The template's indicators, and any others the accepted reports carry. */
    private List<IndicatorDefinition> definitions(PeriodView period, Map<String, IndicatorDefinition> stored) {
        return merge(indicators.of(period.template()), List.copyOf(stored.values()));
    }

    private static List<IndicatorDefinition> merge(List<IndicatorDefinition> first, List<IndicatorDefinition> more) {
        Map<String, IndicatorDefinition> all = new LinkedHashMap<>();
        first.forEach(d -> all.put(d.code(), d));
        more.forEach(d -> all.putIfAbsent(d.code(), d));
        return List.copyOf(all.values());
    }
}
