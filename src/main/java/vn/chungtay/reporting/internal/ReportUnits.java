package vn.chungtay.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.Succession;
import vn.chungtay.organisation.UnitListImported;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportLevel;
import vn.chungtay.shared.security.Actor;

/**
 * The hierarchy as reporting sees it: which units report in a period (on its end date), to whom,
 * which communes and villages their figures cover, and where an old unit's report belongs today
 * (its current successor through the merger links; a unit split over several is "partial" and
 * counted once, under its primary successor). Answers about history are cached until the next
 * unit-list import.
 */
@Component
public class ReportUnits {

    /** Where a unit of a period belongs today: the successor it is counted under, and all of them. */
    public record Place(String code, String name, List<Succession> successors, boolean partial, boolean current) {}

    private final OrganisationManagement organisation;
    private final Map<Long, Place> places = new ConcurrentHashMap<>();
    private final Map<String, List<OrgUnitView>> holders = new ConcurrentHashMap<>();

    ReportUnits(OrganisationManagement organisation) {
        this.organisation = organisation;
    }

    @EventListener
    void on(UnitListImported imported) {
        places.clear();
        holders.clear();
    }

    public LocalDate today() {
        return organisation.today();
    }

    public Optional<OrgUnitView> unit(String code, LocalDate date) {
        return organisation.find(code, date);
    }

    public List<OrgUnitView> units(List<String> codes, LocalDate date) {
        return organisation.findAll(codes, date);
    }

    /** The unit's reporting level if it reports in the period. */
    public Optional<ReportLevel> reportingLevel(OrgUnitView unit, PeriodView period) {
        return ReportLevel.of(unit).filter(period::reports);
    }

    /** Whether the unit lies in the period's scope (on the period's end date). */
    public boolean inScope(OrgUnitView unit, PeriodView period) {
        return period.scopeCode() == null || organisation.isWithin(unit.code(), period.scopeCode(), period.endsOn());
    }

    /**
     * The unit a report goes to: the nearest unit above on the period's end date whose level
     * reports in the period (the district before the reform), else the province.
     */
    public Optional<OrgUnitView> receiver(OrgUnitView unit, PeriodView period) {
        List<OrgUnitView> above = organisation.ancestors(unit.code(), period.endsOn());
        for (OrgUnitView candidate : above) {
            Optional<ReportLevel> level = ReportLevel.of(candidate);
            if (level.isPresent() && (period.reports(level.get()) || level.get() == ReportLevel.PROVINCE)) {
                return Optional.of(candidate);
            }
        }
        return above.isEmpty() ? Optional.empty() : Optional.of(above.get(above.size() - 1));
    }

    /**
     * The communes and villages whose records count for the unit: a commune and its villages valid
     * in the period (and, for a commune formed during the period, the units it was formed from); a
     * district or province, every commune and village under it on the period's end date.
     */
    public FigureScope figureScope(OrgUnitView unit, PeriodView period) {
        Set<String> codes = new LinkedHashSet<>();
        if (unit.isCommune() || unit.isVillage()) {
            addCommune(unit, period, codes);
            if (unit.validFrom() != null && unit.validFrom().isAfter(period.startsOn())) {
                for (Succession predecessor : organisation.predecessors(unit.code(), period.endsOn())) {
                    organisation
                            .find(predecessor.code(), predecessor.date())
                            .ifPresent(p -> addCommune(p, period, codes));
                }
            }
        } else {
            for (OrgUnitView below : organisation.subtree(unit.code(), period.endsOn())) {
                if (below.isCommune() || below.isVillage()) {
                    codes.add(below.code());
                }
            }
        }
        return new FigureScope(unit.code(), codes, period.startsOn(), period.endsOn());
    }

    private void addCommune(OrgUnitView commune, PeriodView period, Set<String> codes) {
        codes.add(commune.code());
        if (commune.isCommune()) {
            LocalDate seen = commune.validTo() != null && commune.validTo().isBefore(period.endsOn())
                    ? commune.validTo()
                    : period.endsOn();
            organisation.villages(commune.code(), seen).stream()
                    .filter(v -> v.validTo() == null || !v.validTo().isBefore(period.startsOn()))
                    .forEach(v -> codes.add(v.code()));
        }
    }

    /** The units of a reporting level under a unit (or the whole country) on the date. */
    public List<OrgUnitView> reportingUnitsUnder(String code, LocalDate date, ReportLevel level) {
        List<OrgUnitView> found = new ArrayList<>();
        List<OrgUnitView> roots = code == null ? organisation.provinces(date) : List.of();
        if (code != null) {
            found.addAll(organisation.subtree(code, date));
        } else {
            roots.forEach(p -> found.addAll(organisation.subtree(p.code(), date)));
        }
        return found.stream()
                .filter(u -> ReportLevel.of(u).filter(l -> l == level).isPresent())
                .toList();
    }

    /**
     * The units that held a current unit's place on an earlier date: the unit itself while it
     * existed, otherwise its predecessors valid then (following chains of changes back).
     */
    public List<OrgUnitView> holdersOn(OrgUnitView current, LocalDate date) {
        if (current.isValidOn(date)) {
            return List.of(current);
        }
        return holders.computeIfAbsent(current.id() + "@" + date, k -> {
            Map<Long, OrgUnitView> found = new LinkedHashMap<>();
            collectHolders(current, date, found, new LinkedHashSet<>());
            return List.copyOf(found.values());
        });
    }

    private void collectHolders(OrgUnitView unit, LocalDate date, Map<Long, OrgUnitView> found, Set<Long> seen) {
        if (!seen.add(unit.id())) {
            return;
        }
        LocalDate asOf = unit.validTo() != null ? unit.validTo() : organisation.today();
        for (Succession predecessor : organisation.predecessors(unit.code(), asOf)) {
            Optional<OrgUnitView> version = organisation.find(predecessor.code(), predecessor.date());
            if (version.isEmpty()) {
                continue;
            }
            OrgUnitView p = version.get();
            if (p.isValidOn(date)) {
                found.putIfAbsent(p.id(), p);
            } else if (p.validFrom() != null && p.validFrom().isAfter(date)) {
                collectHolders(p, date, found, seen);
            }
        }
    }

    /**
     * Works out {@link #holdersOn} for many current units at once, with one query for their
     * predecessors: a unit whose predecessors are each either valid on the date or ended before it
     * is answered from that query and kept; the others (a chain of changes after the date) are
     * left for {@code holdersOn} to follow one by one.
     */
    public void prepareHolders(java.util.Collection<OrgUnitView> currents, LocalDate date) {
        List<OrgUnitView> missing = currents.stream()
                .filter(u -> !u.isValidOn(date) && !holders.containsKey(u.id() + "@" + date))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<Long, List<OrgUnitView>> predecessors = organisation.predecessorUnits(missing);
        for (OrgUnitView current : missing) {
            Map<Long, OrgUnitView> found = new LinkedHashMap<>();
            boolean direct = true;
            for (OrgUnitView p : predecessors.getOrDefault(current.id(), List.of())) {
                if (p.validTo() == null
                        || (p.validFrom() != null && p.validFrom().isAfter(date))) {
                    direct = false;
                    break;
                }
                if (p.isValidOn(date)) {
                    found.putIfAbsent(p.id(), p);
                }
            }
            if (direct) {
                holders.putIfAbsent(current.id() + "@" + date, List.copyOf(found.values()));
            }
        }
    }

    /** Where a unit (as it was on a period's end date) belongs today. */
    public Place placeOf(OrgUnitView unit) {
        if (unit.validTo() == null) {
            return new Place(unit.code(), unit.fullName(), List.of(), false, true);
        }
        return places.computeIfAbsent(unit.id(), id -> place(unit, organisation.currentSuccessors(unit)));
    }

    /**
     * Works out {@link #placeOf} for many units at once (one query for their merger links; see
     * {@link OrganisationManagement#currentSuccessors(java.util.Collection)}) and keeps the answers.
     */
    public void preparePlaces(java.util.Collection<OrgUnitView> units) {
        List<OrgUnitView> missing = units.stream()
                .filter(u -> u.validTo() != null && !places.containsKey(u.id()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<Long, List<Succession>> successors = organisation.currentSuccessors(missing);
        for (OrgUnitView unit : missing) {
            places.putIfAbsent(unit.id(), place(unit, successors.get(unit.id())));
        }
    }

    private static Place place(OrgUnitView unit, List<Succession> currentSuccessors) {
        List<Succession> successors = new ArrayList<>(currentSuccessors);
        if (successors.isEmpty()) {
            return new Place(unit.code(), unit.fullName(), List.of(), false, false);
        }
        successors.sort(Comparator.comparing((Succession s) -> !s.code().equals(unit.code()))
                .thenComparing(Succession::code));
        Succession primary = successors.get(0);
        boolean partial = successors.size() > 1 || successors.stream().anyMatch(Succession::partial);
        return new Place(primary.code(), primary.name(), List.copyOf(successors), partial, false);
    }

    /**
     * Whether the actor's scope covers a unit of a period: directly while the unit exists, otherwise
     * through the units that carry it on today.
     */
    public boolean covers(Actor actor, OrgUnitView unit) {
        if (actor.isNational()) {
            return true;
        }
        if (unit.validTo() == null) {
            return organisation.covers(actor, unit.code());
        }
        Place place = placeOf(unit);
        if (place.successors().isEmpty()) {
            return false;
        }
        return place.successors().stream().anyMatch(s -> organisation.covers(actor, s.code()));
    }

    public boolean isWithinToday(String code, String scopeCode) {
        return organisation.isWithin(code, scopeCode, organisation.today());
    }

    public List<OrgUnitView> provinces(LocalDate date) {
        return organisation.provinces(date);
    }

    public List<OrgUnitView> subtree(String code, LocalDate date) {
        return organisation.subtree(code, date);
    }
}
