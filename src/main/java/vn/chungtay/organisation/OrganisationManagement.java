package vn.chungtay.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.internal.HierarchyQueries;
import vn.chungtay.organisation.internal.OrgUnit;
import vn.chungtay.organisation.internal.OrgUnitRepository;
import vn.chungtay.organisation.internal.UnitListImporter;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * The hierarchy's API: lookups on a date, history (predecessors and today's successors), search,
 * scope checks for every module, villages managed by commune officers, and unit-list imports.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationManagement {

    private final HierarchyQueries queries;
    private final OrgUnitRepository units;
    private final UnitListImporter importer;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationManagement(
            HierarchyQueries queries,
            OrgUnitRepository units,
            UnitListImporter importer,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.queries = queries;
        this.units = units;
        this.importer = importer;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- lookups -------------------------------------------------------------------------

    public Optional<OrgUnitView> find(String code, LocalDate date) {
        return queries.find(code, date);
    }

    public OrgUnitView get(String code, LocalDate date) {
        return queries.find(code, date).orElseThrow(() -> new OrgUnitNotFound(code, date));
    }

    /** Every version this code has had, oldest first (codes were reused across the reform). */
    public List<OrgUnitView> versions(String code) {
        return queries.versions(code);
    }

    public List<OrgUnitView> provinces(LocalDate date) {
        return queries.roots(date);
    }

    public List<OrgUnitView> children(String code, LocalDate date) {
        return queries.children(code, date);
    }

    /** The unit and every unit under it on the date, parents first. */
    public List<OrgUnitView> subtree(String code, LocalDate date) {
        return queries.subtree(code, date);
    }

    /** Which units held the place on the date: its parent, grandparent, ... (nearest first). */
    public List<OrgUnitView> ancestors(String code, LocalDate date) {
        return queries.ancestors(code, date);
    }

    public boolean isWithin(String unitCode, String scopeCode, LocalDate date) {
        return queries.isWithin(unitCode, scopeCode, date);
    }

    /** A unit on a date with its ancestors, predecessors and the units that carry it on today. */
    public OrgUnitDetails details(String code, LocalDate date) {
        OrgUnitView unit = get(code, date);
        return new OrgUnitDetails(
                unit, queries.ancestors(code, date), queries.predecessors(unit.id()), currentSuccessors(unit));
    }

    public List<Succession> predecessors(String code, LocalDate date) {
        return queries.predecessors(get(code, date).id());
    }

    /**
     * The units that carry this one on today, following chains of changes: through its own
     * succession links; for a unit abolished without links (a district), through the successors
     * of the units it held on its last day; or through the next version of the same code.
     */
    public List<Succession> currentSuccessors(OrgUnitView unit) {
        Map<String, Succession> found = new LinkedHashMap<>();
        collectSuccessors(unit, false, found, new LinkedHashSet<>());
        return List.copyOf(found.values());
    }

    /**
     * {@link #currentSuccessors(OrgUnitView)} of many units, by unit id, with one query for their
     * succession links: a unit whose links all lead to units valid today (an old commune merged
     * into a new one — nearly all of them) is answered from that query; any other (a chain of
     * changes, a district abolished without links, a renamed code) is followed one by one, as
     * {@code currentSuccessors} does. Units still valid today have no successors.
     */
    public Map<Long, List<Succession>> currentSuccessors(java.util.Collection<OrgUnitView> units) {
        List<Long> ended = units.stream()
                .filter(u -> u.validTo() != null)
                .map(OrgUnitView::id)
                .distinct()
                .toList();
        Map<Long, List<HierarchyQueries.Link>> links = queries.successorLinks(ended);
        Map<Long, List<Succession>> answer = new java.util.HashMap<>();
        for (OrgUnitView unit : units) {
            if (answer.containsKey(unit.id())) {
                continue;
            }
            if (unit.validTo() == null) {
                answer.put(unit.id(), List.of());
                continue;
            }
            List<HierarchyQueries.Link> own = links.getOrDefault(unit.id(), List.of());
            boolean direct = !own.isEmpty()
                    && own.stream()
                            .allMatch(link ->
                                    link.unit().validTo() == null && link.unit().id() != unit.id());
            if (!direct) {
                answer.put(unit.id(), currentSuccessors(unit));
                continue;
            }
            Map<String, Succession> found = new LinkedHashMap<>();
            for (HierarchyQueries.Link link : own) {
                OrgUnitView successor = link.unit();
                found.merge(
                        successor.code(),
                        new Succession(successor.code(), successor.fullName(), successor.validFrom(), link.partial()),
                        (a, b) -> a.partial() ? b : a);
            }
            answer.put(unit.id(), List.copyOf(found.values()));
        }
        return answer;
    }

    /**
     * For many units, the units each was formed from through its succession links (the version
     * of each predecessor that ended into the link), by unit id, in one query; units without
     * predecessors are absent.
     */
    public Map<Long, List<OrgUnitView>> predecessorUnits(java.util.Collection<OrgUnitView> units) {
        return queries.predecessorUnits(
                units.stream().map(OrgUnitView::id).distinct().toList());
    }

    private void collectSuccessors(OrgUnitView unit, boolean partial, Map<String, Succession> found, Set<Long> seen) {
        if (!seen.add(unit.id()) || unit.validTo() == null) {
            return;
        }
        List<HierarchyQueries.Link> links = queries.successorLinks(unit.id());
        if (!links.isEmpty()) {
            for (HierarchyQueries.Link link : links) {
                follow(link.unit(), partial || link.partial(), found, seen);
            }
            return;
        }
        List<OrgUnitView> held = queries.children(unit.code(), unit.validTo());
        if (!held.isEmpty()) {
            Map<String, Succession> viaChildren = new LinkedHashMap<>();
            for (OrgUnitView child : held) {
                collectSuccessors(child, partial, viaChildren, seen);
            }
            boolean split = viaChildren.size() > 1;
            viaChildren
                    .values()
                    .forEach(s -> found.merge(
                            s.code(),
                            new Succession(s.code(), s.name(), s.date(), s.partial() || split),
                            (a, b) -> a.partial() ? b : a));
            return;
        }
        queries.nextVersion(unit).ifPresent(next -> follow(next, partial, found, seen));
    }

    private void follow(OrgUnitView successor, boolean partial, Map<String, Succession> found, Set<Long> seen) {
        if (successor.validTo() == null) {
            found.merge(
                    successor.code(),
                    new Succession(successor.code(), successor.fullName(), successor.validFrom(), partial),
                    (a, b) -> a.partial() ? b : a);
        } else {
            collectSuccessors(successor, partial, found, seen);
        }
    }

    public Page<OrgUnitView> search(String query, LocalDate date, int page, int size) {
        String folded = VietnameseText.fold(query);
        if (folded.isEmpty()) {
            return new Page<>(List.of(), 0, size, 0);
        }
        return queries.search(folded, query.trim(), date, page, Math.min(Math.max(size, 1), 100));
    }

    /** Parent names for a list of units, so search results say where a unit lies. */
    public Map<String, String> parentNames(List<OrgUnitView> list, LocalDate date) {
        Set<String> parents = new LinkedHashSet<>();
        list.stream()
                .map(OrgUnitView::parentCode)
                .filter(java.util.Objects::nonNull)
                .forEach(parents::add);
        Map<String, String> names = new HashMap<>();
        queries.findAll(parents, date).forEach(p -> names.put(p.code(), p.fullName()));
        return names;
    }

    public boolean isEspeciallyDifficult(OrgUnitView unit, LocalDate date) {
        return queries.isEspeciallyDifficult(unit.id(), date);
    }

    /**
     * Which of these units are classified "đặc biệt khó khăn" on the date: their ids, in one query
     * (a province's dashboard asks for a few thousand villages at once).
     */
    public Set<Long> especiallyDifficult(Collection<OrgUnitView> units, LocalDate date) {
        return queries.especiallyDifficult(units.stream().map(OrgUnitView::id).toList(), date);
    }

    /** Villages of a commune, those that ended too, as seen on the date. */
    public List<OrgUnitView> villages(String communeCode, LocalDate date) {
        return queries.childrenEver(communeCode, date).stream()
                .filter(OrgUnitView::isVillage)
                .toList();
    }

    // ---- scope ---------------------------------------------------------------------------

    /** Whether the actor's scope covers the unit today (national actors cover everything). */
    public boolean covers(Actor actor, String unitCode) {
        return actor.isNational() || isWithin(unitCode, actor.scopeCode(), today());
    }

    /** Fails with {@link OutsideScope} unless the actor may change records of the unit. */
    public void requireManageable(Actor actor, String unitCode) {
        if (!actor.canManage() || !covers(actor, unitCode)) {
            throw new OutsideScope(actor.username() + " may not change records of " + unitCode);
        }
    }

    // ---- villages ------------------------------------------------------------------------

    /** Creates a village of a commune with the next free code {@code <commune>-<NN>}. */
    @Transactional
    public OrgUnitView createVillage(String communeCode, VillageForm form) {
        Actor actor = CurrentActor.get();
        LocalDate today = today();
        OrgUnitView commune = get(communeCode, today);
        requireManageable(actor, communeCode);
        if (!commune.isCommune()) {
            throw new InvalidInput("commune", "organisation.village.notACommune", communeCode);
        }
        String name = validName(form.name());
        String type = validType(form.type());
        lockCommune(commune);
        requireUniqueName(commune, name, type, null, today);
        String code = nextVillageCode(commune.code());
        OrgUnit village = units.save(OrgUnit.village(code, name, type, commune, today));
        if (form.difficult()) {
            classify(village.getId(), today, "ESPECIALLY_DIFFICULT", "true", null, actor);
        }
        OrgUnitView view = village.view();
        events.publishEvent(
                new VillageChanged("CREATE", code, communeCode, null, villageState(view, form.difficult())));
        return view;
    }

    @Transactional
    public OrgUnitView renameVillage(String villageCode, VillageForm form) {
        Actor actor = CurrentActor.get();
        LocalDate today = today();
        OrgUnit village = openVillage(villageCode, today);
        requireManageable(actor, village.getParentCode());
        OrgUnitView commune = get(village.getParentCode(), today);
        String name = validName(form.name());
        requireUniqueName(commune, name, village.getType(), village.getCode(), today);
        boolean wasDifficult = queries.isEspeciallyDifficult(village.getId(), today);
        Map<String, Object> before = villageState(village.view(), wasDifficult);
        village.rename(name);
        if (form.especiallyDifficult() != null && form.difficult() != wasDifficult) {
            classify(village.getId(), today, "ESPECIALLY_DIFFICULT", Boolean.toString(form.difficult()), null, actor);
        }
        boolean difficult = form.especiallyDifficult() == null ? wasDifficult : form.difficult();
        units.flush();
        OrgUnitView view = village.view();
        events.publishEvent(new VillageChanged(
                "UPDATE", villageCode, village.getParentCode(), before, villageState(view, difficult)));
        return view;
    }

    /** Ends a village; {@code lastDay} (default today) is the last day it exists. */
    @Transactional
    public OrgUnitView retireVillage(String villageCode, LocalDate lastDay) {
        Actor actor = CurrentActor.get();
        LocalDate today = today();
        OrgUnit village = openVillage(villageCode, today);
        requireManageable(actor, village.getParentCode());
        LocalDate day = lastDay == null ? today : lastDay;
        if (village.getValidFrom() != null && day.isBefore(village.getValidFrom())) {
            throw new InvalidInput("lastDay", "organisation.village.endsBeforeStart", village.getValidFrom());
        }
        boolean difficult = queries.isEspeciallyDifficult(village.getId(), today);
        Map<String, Object> before = villageState(village.view(), difficult);
        village.retire(day);
        units.flush();
        OrgUnitView view = village.view();
        events.publishEvent(new VillageChanged(
                "RETIRE", villageCode, village.getParentCode(), before, villageState(view, difficult)));
        return view;
    }

    private OrgUnit openVillage(String code, LocalDate today) {
        OrgUnit village = units.findValidOn(code, today).orElseThrow(() -> new OrgUnitNotFound(code, today));
        if (!UnitTypes.isVillageType(village.getType())) {
            throw new OrgUnitNotFound(code, today);
        }
        return village;
    }

    private static String validName(String raw) {
        String name = VietnameseText.clean(raw);
        if (name == null || name.isEmpty()) {
            throw new InvalidInput("name", "organisation.village.nameRequired");
        }
        if (name.length() > 100) {
            throw new InvalidInput("name", "organisation.village.nameTooLong", 100);
        }
        if (VietnameseText.fold(name).isEmpty()) {
            throw new InvalidInput("name", "organisation.village.nameRequired");
        }
        return name;
    }

    private static String validType(String type) {
        if (type == null || !UnitTypes.isVillageType(type)) {
            throw new InvalidInput("type", "organisation.village.typeInvalid");
        }
        return type;
    }

    private void requireUniqueName(OrgUnitView commune, String name, String type, String exceptCode, LocalDate date) {
        String folded = VietnameseText.fold(OrgUnit.fullName(type, name));
        Optional<OrgUnitView> taken = queries.children(commune.code(), date).stream()
                .filter(v -> !v.code().equals(exceptCode))
                .filter(v -> VietnameseText.fold(v.fullName()).equals(folded))
                .findFirst();
        if (taken.isPresent()) {
            throw new InvalidInput(
                    "name", "organisation.village.nameTaken", taken.get().fullName());
        }
    }

    private void lockCommune(OrgUnitView commune) {
        jdbc.sql("select id from org_unit where id = :id for update")
                .param("id", commune.id())
                .query(Long.class)
                .single();
    }

    private String nextVillageCode(String communeCode) {
        int highest = jdbc.sql("""
                        select coalesce(max(cast(split_part(code, '-', 2) as integer)), 0) from org_unit
                        where code like :prefix and split_part(code, '-', 2) ~ '^[0-9]+$'""")
                .param("prefix", communeCode + "-%")
                .query(Integer.class)
                .single();
        return "%s-%02d".formatted(communeCode, highest + 1);
    }

    private void classify(long unitId, LocalDate date, String kind, String value, String document, Actor actor) {
        Long periodId = jdbc.sql("select id from org_classification_period where valid_from <= :d and valid_to >= :d")
                .param("d", date)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInput("especiallyDifficult", "organisation.classification.noPeriod"));
        jdbc.sql("""
                        insert into org_unit_classification (unit_id, period_id, kind, value, document, recorded_by)
                        values (:unit, :period, :kind, :value, :document, :actor)
                        on conflict (unit_id, period_id, kind) do update
                        set value = excluded.value, document = excluded.document,
                            recorded_at = now(), recorded_by = excluded.recorded_by""")
                .param("unit", unitId)
                .param("period", periodId)
                .param("kind", kind)
                .param("value", value)
                .param("document", document)
                .param("actor", actor.username())
                .update();
    }

    private static Map<String, Object> villageState(OrgUnitView village, boolean difficult) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", village.code());
        state.put("name", village.name());
        state.put("fullName", village.fullName());
        state.put("type", village.type());
        state.put("especiallyDifficult", difficult);
        state.put("validFrom", String.valueOf(village.validFrom()));
        state.put("validTo", String.valueOf(village.validTo()));
        return state;
    }

    // ---- classification ------------------------------------------------------------------

    /** A classification period (2021–2025, 2026–2030, ...) with its deciding documents. */
    public record ClassificationPeriod(
            String code, String name, LocalDate validFrom, LocalDate validTo, String document) {}

    /** A unit's class in one period: khu vực I/II/III for a commune, ĐBKK for a village. */
    public record Classification(String periodCode, String periodName, String kind, String value, String document) {}

    public List<ClassificationPeriod> classificationPeriods() {
        return jdbc.sql("select code, name, valid_from, valid_to, document from org_classification_period"
                        + " order by valid_from")
                .query((rs, n) -> new ClassificationPeriod(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
                .list();
    }

    public List<Classification> classifications(OrgUnitView unit) {
        return jdbc.sql("""
                        select p.code, p.name, c.kind, c.value, coalesce(c.document, p.document)
                        from org_unit_classification c join org_classification_period p on p.id = c.period_id
                        where c.unit_id = :id order by p.valid_from, c.kind""")
                .param("id", unit.id())
                .query((rs, n) -> new Classification(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Records a commune's khu vực (I, II, III) for a period, with the deciding document. */
    @Transactional
    public void classifyCommuneArea(String communeCode, String periodCode, String area, String document) {
        Actor actor = CurrentActor.get();
        if (!(actor.has(Role.ADMIN) || actor.has(Role.PROVINCE_OFFICER)) || !covers(actor, communeCode)) {
            throw new OutsideScope(actor.username() + " may not classify " + communeCode);
        }
        ClassificationPeriod period = classificationPeriods().stream()
                .filter(p -> p.code().equals(periodCode))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("period", "organisation.classification.noPeriod"));
        if (!List.of("I", "II", "III").contains(area)) {
            throw new InvalidInput("area", "organisation.classification.badArea");
        }
        OrgUnitView commune = get(communeCode, period.validTo().isBefore(today()) ? period.validTo() : today());
        if (!commune.isCommune()) {
            throw new InvalidInput("commune", "organisation.village.notACommune", communeCode);
        }
        String before = classifications(commune).stream()
                .filter(c -> c.periodCode().equals(periodCode) && c.kind().equals("AREA"))
                .map(Classification::value)
                .findFirst()
                .orElse("");
        classify(commune.id(), period.validFrom(), "AREA", area, VietnameseText.clean(document), actor);
        events.publishEvent(new VillageChanged(
                "UPDATE",
                communeCode,
                communeCode,
                Map.of("period", periodCode, "area", before),
                Map.of("period", periodCode, "area", area)));
    }

    // ---- imports -------------------------------------------------------------------------

    /** Loads a complete unit list valid over a period; nothing is written if any row is wrong. */
    @Transactional
    public ImportReport importSnapshot(
            String dataset, String file, byte[] content, LocalDate validFrom, LocalDate validTo) {
        Actor actor = CurrentActor.orSystem();
        requireAdmin(actor);
        ImportReport report = importer.importSnapshot(dataset, file, content, validFrom, validTo, actor.username());
        return published(report);
    }

    /** Applies a change list effective on a date; nothing is written if any row is wrong. */
    @Transactional
    public ImportReport importChangeList(
            String dataset, LocalDate effective, String unitsFile, byte[] units, String mergersFile, byte[] mergers) {
        Actor actor = CurrentActor.orSystem();
        requireAdmin(actor);
        if (units == null && mergers == null) {
            throw new InvalidInput("units", "organisation.import.nothingToImport");
        }
        ImportReport report =
                importer.importChangeList(dataset, effective, unitsFile, units, mergersFile, mergers, actor.username());
        return published(report);
    }

    public boolean alreadyLoaded(String dataset, byte[]... contents) {
        return importer.alreadyLoaded(dataset, UnitListImporter.checksum(contents));
    }

    /** Past imports, newest first. */
    public record ImportRun(
            long id,
            String dataset,
            LocalDate effectiveDate,
            java.time.OffsetDateTime startedAt,
            String startedBy,
            int unitsInserted,
            int unitsClosed,
            int linksInserted,
            int rowsSkipped) {}

    public List<ImportRun> importRuns() {
        return jdbc.sql("""
                        select id, dataset, effective_date, started_at, started_by, units_inserted, units_closed,
                               links_inserted, rows_rejected from org_import_run order by id desc limit 50""")
                .query((rs, n) -> new ImportRun(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, java.time.OffsetDateTime.class),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9)))
                .list();
    }

    private ImportReport published(ImportReport report) {
        if (report.failed()) {
            throw new UnitListRejected(report);
        }
        events.publishEvent(new UnitListImported(report));
        return report;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new OutsideScope(actor.username() + " may not import unit lists");
        }
    }

    /** Units of a list, for pages that need names of several codes at once. */
    public List<OrgUnitView> findAll(List<String> codes, LocalDate date) {
        return queries.findAll(codes, date);
    }
}
