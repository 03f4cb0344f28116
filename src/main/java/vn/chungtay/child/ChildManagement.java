package vn.chungtay.child;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.child.ImportRejected.RowProblem;
import vn.chungtay.child.internal.Child;
import vn.chungtay.child.internal.ChildData;
import vn.chungtay.child.internal.ChildRepository;
import vn.chungtay.child.internal.ChildRepository.DuplicateKey;
import vn.chungtay.child.internal.ChildRepository.Scope;
import vn.chungtay.child.internal.ChildRules;
import vn.chungtay.child.internal.ChildRules.ConsentCheck;
import vn.chungtay.child.internal.ChildWorkbooks;
import vn.chungtay.child.internal.Consent;
import vn.chungtay.child.internal.PublicCodes;
import vn.chungtay.child.internal.ReferenceLists;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.UnitListImported;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * The child registry's API: register, correct, read (audited), list and search within the
 * actor's scope, record and withdraw consents, erase on request, warn about likely duplicates,
 * and move children in and out of workbooks. Access is decided here, not in the pages: commune
 * officers and province officers within their scope, a village collaborator in the village,
 * supervisors read-only with a reason, donors never; drafts only for the commune.
 */
@Service
@Transactional(readOnly = true)
public class ChildManagement implements ChildDirectory {

    private static final Logger log = LoggerFactory.getLogger(ChildManagement.class);
    private static final int REASON_MAX = 300;
    /** Records written per COPY of an import. */
    private static final int IMPORT_CHUNK = 5_000;

    private final ChildRepository children;
    private final ChildRules rules;
    private final ReferenceLists lists;
    private final ChildWorkbooks workbooks;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate auditedRead;

    ChildManagement(
            ChildRepository children,
            ChildRules rules,
            ReferenceLists lists,
            ChildWorkbooks workbooks,
            OrganisationManagement organisation,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.children = children;
        this.rules = rules;
        this.lists = lists;
        this.workbooks = workbooks;
        this.organisation = organisation;
        this.events = events;
        this.auditedRead = new TransactionTemplate(transactions);
    }

    public LocalDate today() {
        return organisation.today();
    }

    public List<CodeName> ethnicGroups() {
        return lists.ethnicGroups();
    }

    public List<CodeName> circumstances() {
        return lists.circumstances();
    }

    // ---- registering and changing ----------------------------------------------------------

    /**
     * Registers a child. Without {@code saveAsDraft} the required consent must be complete; a
     * draft is kept for the commune only. Fails with {@link DuplicatesFound} when a likely
     * duplicate exists anywhere and the form does not confirm it is another child.
     */
    @Transactional
    public ChildView register(ChildForm form) {
        Actor actor = CurrentActor.get();
        requireWriter(actor);
        LocalDate today = today();
        ChildRules.Valid valid = rules.check(
                form,
                today,
                code -> organisation.find(code, today),
                form.draft() ? ConsentCheck.IF_GIVEN : ConsentCheck.REQUIRED);
        requireWritable(actor, valid.data().villageCode(), valid.data().communeCode());
        List<LikelyDuplicate> duplicates = likelyDuplicates(valid.data(), null);
        if (!duplicates.isEmpty() && !form.duplicateConfirmed()) {
            throw new DuplicatesFound(duplicates);
        }
        Child child = Child.register(uniquePublicCode(), valid.data(), valid.consent(), actor.username(), today);
        long id = children.insert(child);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("publicCode", child.publicCode());
        after.put("villageCode", child.villageCode());
        after.put("status", child.status().name());
        after.put("consentPurposes", purposes(child));
        after.put("duplicateWarningConfirmed", !duplicates.isEmpty());
        events.publishEvent(new ChildChanged("CREATE", String.valueOf(id), child.communeCode(), null, after));
        log.info("Child {} registered in {} by {}", id, child.villageCode(), actor.username());
        return view(child, today);
    }

    /** Corrects a record's fields (consents are recorded with {@link #recordConsent}). */
    @Transactional
    public ChildView update(long id, ChildForm form) {
        Actor actor = CurrentActor.get();
        LocalDate today = today();
        Child child = writable(actor, id);
        if (child.status() == ChildStatus.ERASED) {
            throw InvalidChildData.of("status", "child.error.erased");
        }
        ChildRules.Valid valid = rules.check(form, today, code -> organisation.find(code, today), ConsentCheck.IGNORED);
        requireWritable(actor, valid.data().villageCode(), valid.data().communeCode());
        String communeBefore = child.communeCode();
        List<String> changed = child.update(valid.data(), today);
        children.update(child);
        events.publishEvent(new ChildChanged(
                "UPDATE",
                String.valueOf(id),
                communeBefore,
                null,
                Map.of("changed", changed, "status", child.status().name())));
        return view(child, today);
    }

    /** Records the consents; the record becomes active when the required consent is complete. */
    @Transactional
    public ChildView recordConsent(long id, ConsentForm form) {
        Actor actor = CurrentActor.get();
        LocalDate today = today();
        Child child = writable(actor, id);
        if (child.status() == ChildStatus.ERASED) {
            throw InvalidChildData.of("status", "child.error.erased");
        }
        Consent consent = rules.checkConsent(form, child.data().dateOfBirth(), today);
        String before = child.status().name();
        List<String> purposesBefore = purposes(child);
        child.recordConsent(consent, today);
        children.update(child);
        events.publishEvent(new ChildChanged(
                "CONSENT",
                String.valueOf(id),
                child.communeCode(),
                Map.of("status", before, "consentPurposes", purposesBefore),
                Map.of(
                        "status",
                        child.status().name(),
                        "consentPurposes",
                        purposes(child),
                        "method",
                        String.valueOf(consent.method()),
                        "childConsent",
                        consent.hasChild())));
        return view(child, today);
    }

    /**
     * Withdraws consent: {@code purpose} null (or PROCESSING) withdraws everything and the
     * record is used for nothing more; ANONYMOUS_MENTION or PHOTOS withdraws only that use.
     * Either way other modules are told at once with {@link ChildDataWithdrawn}.
     */
    @Transactional
    public ChildView withdrawConsent(long id, ConsentPurpose purpose) {
        Actor actor = CurrentActor.get();
        Child child = writable(actor, id);
        if (child.status() == ChildStatus.ERASED) {
            throw InvalidChildData.of("status", "child.error.erased");
        }
        List<String> before = purposes(child);
        OffsetDateTime now = OffsetDateTime.now();
        if (purpose == null) {
            child.withdrawConsent(now);
        } else {
            child.withdrawPurpose(purpose, now);
        }
        children.update(child);
        events.publishEvent(new ChildChanged(
                "WITHDRAW",
                String.valueOf(id),
                child.communeCode(),
                Map.of("consentPurposes", before),
                Map.of(
                        "withdrawn",
                        purpose == null ? "ALL" : purpose.name(),
                        "consentPurposes",
                        purposes(child),
                        "status",
                        child.status().name())));
        events.publishEvent(new ChildDataWithdrawn(new ChildId(id), false));
        return view(child, today());
    }

    /** A deletion request: the personal fields are erased, only anonymous counting fields remain. */
    @Transactional
    public ChildView erase(long id) {
        Actor actor = CurrentActor.get();
        Child child = writable(actor, id);
        if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not erase child records");
        }
        if (child.status() == ChildStatus.ERASED) {
            return view(child, today());
        }
        String before = child.status().name();
        child.erase();
        children.update(child);
        events.publishEvent(new ChildChanged(
                "ERASE",
                String.valueOf(id),
                child.communeCode(),
                Map.of("status", before),
                Map.of(
                        "status",
                        ChildStatus.ERASED.name(),
                        "erasedFields",
                        List.of(
                                "fullName",
                                "dateOfBirth",
                                "guardianName",
                                "guardianRelationship",
                                "guardianPhone",
                                "povertyCertificate",
                                "schoolName",
                                "disability",
                                "healthNotes",
                                "nutritionNotes",
                                "guardianConsentBy",
                                "childConsentBy"))));
        events.publishEvent(new ChildDataWithdrawn(new ChildId(id), true));
        log.info("Child {} erased on request by {}", id, actor.username());
        return view(child, today());
    }

    // ---- reading ------------------------------------------------------------------------

    /**
     * A child's record, for someone allowed to read it; every read is audited, and so is every
     * refused one. Outside the actor's scope (or unknown) it is {@link ChildNotFound}, whichever
     * it is. Supervisors must give a reason ({@link ReasonRequired}), which the audit keeps.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ChildView read(long id, String reason) {
        Actor actor = CurrentActor.get();
        String why = VietnameseText.clean(reason);
        if (why != null && why.length() > REASON_MAX) {
            why = why.substring(0, REASON_MAX);
        }
        if (actor.has(Role.SUPERVISOR) && (why == null || why.isEmpty())) {
            throw new ReasonRequired();
        }
        String auditedReason = why;
        LocalDate today = today();
        ChildView view = auditedRead.execute(status -> {
            Optional<Child> found = children.find(id);
            Map<String, Object> after =
                    auditedReason == null || auditedReason.isEmpty() ? Map.of() : Map.of("reason", auditedReason);
            if (found.isEmpty() || !canRead(actor, found.get())) {
                events.publishEvent(new ChildChanged(
                        "READ_DENIED",
                        String.valueOf(id),
                        found.map(Child::communeCode).orElse(null),
                        null,
                        after));
                return null;
            }
            events.publishEvent(
                    new ChildChanged("READ", String.valueOf(id), found.get().communeCode(), null, after));
            return view(found.get(), today);
        });
        if (view == null) {
            throw new ChildNotFound(id);
        }
        return view;
    }

    /** Whether the actor may change this record (register, correct, consent). */
    public boolean canWrite(Actor actor, ChildView child) {
        return writerRole(actor) && readable(actor, child.status(), child.villageCode(), child.communeCode());
    }

    /** Whether the actor may erase this record on request. */
    public boolean canErase(Actor actor, ChildView child) {
        return actor.canManage() && canWrite(actor, child) && !child.erased();
    }

    /** The children of the actor's scope, optionally of one village and matching a search (diacritics ignored). */
    public Page<ChildSummary> list(String village, String query, int page, int size) {
        Actor actor = CurrentActor.get();
        Scope scope = scopeOf(actor);
        LocalDate today = today();
        int limit = Math.min(Math.max(size, 1), 200);
        String folded = VietnameseText.fold(query);
        long total = children.count(scope, village, folded);
        boolean names = !actor.has(Role.SUPERVISOR);
        Map<String, String> villageNames = new HashMap<>();
        List<ChildSummary> items = children.list(scope, village, folded, Page.offset(page, limit), limit).stream()
                .map(c -> new ChildSummary(
                        c.id(),
                        c.publicCode(),
                        c.status(),
                        names ? c.data().fullName() : null,
                        c.ageYears(today),
                        c.sex(),
                        lists.ethnicGroupName(c.data().ethnicGroupCode()),
                        c.villageCode(),
                        villageNames.computeIfAbsent(c.villageCode(), code -> villageName(code, today)),
                        c.status() != ChildStatus.ERASED && c.turning16(today),
                        c.status() != ChildStatus.ERASED
                                && c.childConsentRequired(today)
                                && !c.consent().hasChild()))
                .toList();
        return new Page<>(items, Math.max(page, 0), limit, total);
    }

    /** The villages the actor's list can be filtered by (those with children in scope). */
    public List<CodeName> listedVillages() {
        Actor actor = CurrentActor.get();
        LocalDate today = today();
        return children.villageCodes(scopeOf(actor)).stream()
                .map(code -> new CodeName(code, villageName(code, today)))
                .toList();
    }

    /** The villages, valid today, where the actor may register children. */
    public List<CodeName> registrableVillages() {
        Actor actor = CurrentActor.get();
        if (!writerRole(actor)) {
            return List.of();
        }
        LocalDate today = today();
        List<OrgUnitView> villages = new ArrayList<>();
        if (actor.has(Role.VILLAGE_COLLABORATOR)) {
            organisation.find(actor.scopeCode(), today).ifPresent(villages::add);
        } else if (actor.isNational()) {
            organisation.provinces(today).forEach(p -> villages.addAll(organisation.subtree(p.code(), today)));
        } else {
            villages.addAll(organisation.subtree(actor.scopeCode(), today));
        }
        return villages.stream()
                .filter(OrgUnitView::isVillage)
                .filter(v -> v.validTo() == null || v.isValidOn(today))
                .sorted(Comparator.comparing(OrgUnitView::code))
                .map(v -> new CodeName(v.code(), v.fullName()))
                .toList();
    }

    // ---- duplicates ---------------------------------------------------------------------

    /**
     * Likely duplicates anywhere in the country, whatever unit they were registered under: same
     * folded name and birth date, or same folded guardian name and birth date. Told by commune only.
     */
    public List<LikelyDuplicate> likelyDuplicates(ChildForm form, Long exceptId) {
        if (form.dateOfBirth() == null) {
            return List.of();
        }
        ChildData probe = new ChildData(
                form.fullName(),
                form.dateOfBirth(),
                Sex.MALE,
                null,
                null,
                null,
                form.guardianName(),
                null,
                null,
                HouseholdPoverty.NONE,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null);
        return likelyDuplicates(probe, exceptId);
    }

    private List<LikelyDuplicate> likelyDuplicates(ChildData data, Long exceptId) {
        String name = VietnameseText.fold(data.fullName());
        String guardian = VietnameseText.fold(data.guardianName());
        Set<String> communes = new LinkedHashSet<>();
        for (DuplicateKey key : children.keysBornOn(List.of(data.dateOfBirth()), exceptId)) {
            if (matches(key, name, guardian)) {
                communes.add(key.communeCode());
            }
        }
        return communes.stream().map(this::duplicateIn).toList();
    }

    private static boolean matches(DuplicateKey key, String name, String guardian) {
        return (!name.isEmpty() && name.equals(key.nameFolded()))
                || (!guardian.isEmpty() && guardian.equals(key.guardianFolded()));
    }

    private LikelyDuplicate duplicateIn(String communeCode) {
        String name = organisation
                .find(communeCode, today())
                .or(() -> organisation.versions(communeCode).stream().reduce((a, b) -> b))
                .map(OrgUnitView::fullName)
                .orElse(communeCode);
        return new LikelyDuplicate(communeCode, name);
    }

    // ---- workbooks ----------------------------------------------------------------------

    /** The XLSX template with drop-down lists of the codes and the villages the actor may register in. */
    public byte[] template() {
        Actor actor = CurrentActor.get();
        requireWriter(actor);
        return workbooks.template(lists.ethnicGroups(), registrableVillages(), lists.circumstances());
    }

    /**
     * Imports a workbook all or nothing: every row is checked, and any problem rejects the whole
     * file with every problem by row and column ({@link ImportRejected}); likely duplicates are
     * problems unless confirmed. Rows without consent become drafts. The rows are checked as the
     * sheet is read (only the checked records are kept, not the cells), duplicates are looked up
     * with one query for the whole file, and the records are written with COPY in chunks, so a
     * province's 100,000 children fit in a small heap.
     */
    @Transactional
    public ImportResult importWorkbook(byte[] content, boolean confirmDuplicates) {
        Actor actor = CurrentActor.get();
        requireWriter(actor);
        long started = System.nanoTime();
        LocalDate today = today();
        Map<String, Optional<OrgUnitView>> villageCache = new HashMap<>();
        Function<String, Optional<OrgUnitView>> villages =
                code -> villageCache.computeIfAbsent(code, c -> organisation.find(c, today));
        Map<String, Boolean> writableCache = new HashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        List<ChildRules.Valid> valid = new ArrayList<>();
        List<Integer> validRows = new ArrayList<>();
        workbooks.read(content, row -> {
            Set<String> columnsWithProblems = new HashSet<>();
            for (RowProblem p : row.problems()) {
                problems.add(p);
                columnsWithProblems.add(p.column());
            }
            try {
                ChildRules.Valid checked = rules.check(row.form(), today, villages, ConsentCheck.IF_GIVEN);
                ChildData data = checked.data();
                boolean writable =
                        writableCache.computeIfAbsent(data.villageCode(), v -> mayWrite(actor, v, data.communeCode()));
                if (!writable) {
                    problems.add(new RowProblem(
                            row.row(),
                            column("villageCode"),
                            "child.import.villageOutsideScope",
                            List.of(data.villageCode())));
                } else if (row.problems().isEmpty()) {
                    valid.add(checked);
                    validRows.add(row.row());
                }
            } catch (InvalidChildData e) {
                for (InvalidChildData.Problem p : e.problems()) {
                    String column = column(p.field());
                    if (columnsWithProblems.add(column)) {
                        problems.add(new RowProblem(row.row(), column, p.messageKey(), p.arguments()));
                    }
                }
            }
        });
        long read = System.nanoTime();
        if (problems.isEmpty() && !confirmDuplicates) {
            problems.addAll(duplicateProblems(valid, validRows));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(RowProblem::row));
            throw new ImportRejected(problems);
        }
        long duplicatesChecked = System.nanoTime();
        List<String> codes = uniquePublicCodes(valid.size());
        Map<String, int[]> perCommune = new TreeMap<>();
        int drafts = 0;
        List<Child> chunk = new ArrayList<>(IMPORT_CHUNK);
        for (int i = 0; i < valid.size(); i++) {
            ChildRules.Valid checked = valid.get(i);
            valid.set(i, null); // written records need not stay in memory
            Child child = Child.register(codes.get(i), checked.data(), checked.consent(), actor.username(), today);
            int[] counts = perCommune.computeIfAbsent(child.communeCode(), c -> new int[2]);
            counts[0]++;
            if (child.status() == ChildStatus.DRAFT) {
                counts[1]++;
                drafts++;
            }
            chunk.add(child);
            if (chunk.size() == IMPORT_CHUNK || i == valid.size() - 1) {
                children.insertAll(chunk);
                chunk.clear();
            }
        }
        String importId = "IMPORT-" + System.currentTimeMillis();
        perCommune.forEach((commune, counts) -> events.publishEvent(
                new ChildChanged("IMPORT", importId, commune, null, Map.of("count", counts[0], "drafts", counts[1]))));
        log.info(
                "{} children imported by {} in {} ms: read and checked {} ms, duplicates {} ms, written {} ms",
                valid.size(),
                actor.username(),
                (System.nanoTime() - started) / 1_000_000,
                (read - started) / 1_000_000,
                (duplicatesChecked - read) / 1_000_000,
                (System.nanoTime() - duplicatesChecked) / 1_000_000);
        return new ImportResult(valid.size(), drafts);
    }

    /**
     * Likely duplicates of the file's rows: the same folded name or guardian and the same birth date
     * as a registered child (found with one query for the whole file), or as an earlier row.
     */
    private List<RowProblem> duplicateProblems(List<ChildRules.Valid> rows, List<Integer> rowNumbers) {
        List<RowProblem> problems = new ArrayList<>();
        int n = rows.size();
        String[] names = new String[n];
        String[] guardians = new String[n];
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            ChildData data = rows.get(i).data();
            names[i] = folded(data.fullName());
            guardians[i] = folded(data.guardianName());
            dates[i] = data.dateOfBirth();
        }
        Map<String, List<String>> registered = new HashMap<>();
        for (DuplicateKey key : children.keysMatching(names, guardians, dates)) {
            if (key.nameFolded() != null) {
                registered
                        .computeIfAbsent("n|" + key.nameFolded() + "|" + key.dateOfBirth(), k -> new ArrayList<>())
                        .add(key.communeCode());
            }
            if (key.guardianFolded() != null) {
                registered
                        .computeIfAbsent("g|" + key.guardianFolded() + "|" + key.dateOfBirth(), k -> new ArrayList<>())
                        .add(key.communeCode());
            }
        }
        Map<String, Integer> inFile = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int row = rowNumbers.get(i);
            String nameKey = "n|" + names[i] + "|" + dates[i];
            String guardianKey = "g|" + guardians[i] + "|" + dates[i];
            Set<String> communes = new LinkedHashSet<>();
            communes.addAll(registered.getOrDefault(nameKey, List.of()));
            communes.addAll(registered.getOrDefault(guardianKey, List.of()));
            for (String commune : communes) {
                LikelyDuplicate d = duplicateIn(commune);
                problems.add(new RowProblem(
                        row, column("fullName"), "child.import.duplicate", List.of(d.communeName(), d.communeCode())));
            }
            Integer earlier = inFile.putIfAbsent(nameKey, row);
            if (earlier == null) {
                earlier = inFile.putIfAbsent(guardianKey, row);
            }
            if (earlier != null) {
                problems.add(new RowProblem(row, column("fullName"), "child.import.duplicateInFile", List.of(earlier)));
            }
        }
        return problems;
    }

    /** As {@link Child#nameFolded()} folds a name (null stays null). */
    private static String folded(String name) {
        return name == null ? null : VietnameseText.fold(name);
    }

    /**
     * The consented children of the actor's scope (optionally one village) as XLSX, for officers
     * only: supervisors read single records with a reason, a bulk export would bypass that.
     * Audited as one entry with the count.
     */
    @Transactional
    public byte[] export(String village) {
        Actor actor = CurrentActor.get();
        if (!writerRole(actor)) {
            throw new OutsideScope(actor.username() + " may not export children");
        }
        LocalDate today = today();
        Scope scope = scopeOf(actor);
        String villageFilter = village == null || village.isBlank() ? null : village.trim();
        List<Child> list = children.listActive(scope, villageFilter);
        Map<String, String> villageNames = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Child c : list) {
            ChildData d = c.data();
            List<Object> row = new ArrayList<>();
            row.add(c.publicCode());
            row.add(d.fullName());
            row.add(d.dateOfBirth());
            row.add(c.ageYears(today));
            row.add(ChildWorkbooks.sexLabel(d.sex()));
            row.add(ChildWorkbooks.label(
                    new CodeName(d.ethnicGroupCode(), lists.ethnicGroupName(d.ethnicGroupCode()))));
            row.add(ChildWorkbooks.label(new CodeName(
                    d.villageCode(), villageNames.computeIfAbsent(d.villageCode(), v -> villageName(v, today)))));
            row.add(d.guardianName());
            row.add(d.guardianRelationship());
            row.add(d.guardianPhone());
            row.add(ChildWorkbooks.povertyLabel(d.householdPoverty()));
            row.add(d.povertyCertificate());
            row.add(ChildWorkbooks.schoolingLabel(d.schooling()));
            row.add(d.schoolName());
            row.add(String.join(", ", d.circumstances()));
            row.add(c.turning16(today) ? "Có" : "");
            rows.add(row);
        }
        byte[] bytes = workbooks.export(rows);
        String unit = villageFilter != null
                ? organisation
                        .find(villageFilter, today)
                        .map(OrgUnitView::parentCode)
                        .orElse(actor.scopeCode())
                : actor.scopeCode();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("count", list.size());
        after.put("village", villageFilter == null ? "" : villageFilter);
        events.publishEvent(new ChildChanged(
                "EXPORT",
                villageFilter != null ? villageFilter : String.valueOf(actor.scopeCode()),
                unit,
                null,
                after));
        return bytes;
    }

    // ---- what other modules may ask -------------------------------------------------------

    @Override
    public Optional<AnonymousChild> anonymousProfile(ChildId id) {
        LocalDate today = today();
        return children.find(id.value())
                .filter(c -> c.mentionAllowed(today))
                .map(c -> new AnonymousChild(
                        id,
                        c.publicCode(),
                        c.ageYears(today),
                        c.sex(),
                        lists.ethnicGroupName(c.data().ethnicGroupCode()),
                        c.villageCode(),
                        c.communeCode()));
    }

    @Override
    public boolean canUse(Actor actor, ChildId id) {
        LocalDate today = today();
        return children.find(id.value())
                .filter(c -> c.usable(today))
                .map(c -> writerRole(actor) && canRead(actor, c))
                .orElse(false);
    }

    @Override
    public Optional<ChildId> findByPublicCode(String publicCode) {
        if (publicCode == null) {
            return Optional.empty();
        }
        String code = publicCode.trim().toUpperCase(java.util.Locale.ROOT);
        if (!PublicCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        LocalDate today = today();
        return children.idOfPublicCode(code)
                .flatMap(children::find)
                .filter(c -> c.usable(today))
                .map(c -> new ChildId(c.id()));
    }

    /** When unit lists change, children follow their village to the commune that holds it today. */
    @ApplicationModuleListener
    public void on(UnitListImported imported) {
        LocalDate today = today();
        int moved = 0;
        for (String village : children.villageCodesAll()) {
            Optional<OrgUnitView> unit = organisation.find(village, today);
            if (unit.isPresent() && unit.get().parentCode() != null) {
                moved += children.moveToCommune(village, unit.get().parentCode());
            }
        }
        if (moved > 0) {
            log.info("{} children now under their village's current commune", moved);
        }
    }

    // ---- access -------------------------------------------------------------------------

    private static boolean writerRole(Actor actor) {
        return actor.canManage() || actor.has(Role.VILLAGE_COLLABORATOR);
    }

    private static void requireWriter(Actor actor) {
        if (!writerRole(actor)) {
            throw new OutsideScope(actor.username() + " may not change child records");
        }
    }

    private boolean mayWrite(Actor actor, String villageCode, String communeCode) {
        if (actor.has(Role.VILLAGE_COLLABORATOR)) {
            return villageCode.equals(actor.scopeCode());
        }
        return actor.canManage() && communeCode != null && organisation.covers(actor, communeCode);
    }

    private void requireWritable(Actor actor, String villageCode, String communeCode) {
        if (!mayWrite(actor, villageCode, communeCode)) {
            throw new OutsideScope(actor.username() + " may not register children in " + villageCode);
        }
    }

    private Child writable(Actor actor, long id) {
        requireWriter(actor);
        Child child = children.findForUpdate(id).orElseThrow(() -> new ChildNotFound(id));
        if (!canRead(actor, child)) {
            throw new ChildNotFound(id);
        }
        return child;
    }

    private boolean canRead(Actor actor, Child child) {
        return readable(actor, child.status(), child.villageCode(), child.communeCode());
    }

    /** Drafts and withdrawn records: the commune's officers (and the village's collaborator) only. */
    private boolean readable(Actor actor, ChildStatus status, String villageCode, String communeCode) {
        boolean unconsented = status == ChildStatus.DRAFT || status == ChildStatus.WITHDRAWN;
        return switch (actor.role()) {
            case DONOR -> false;
            case VILLAGE_COLLABORATOR -> villageCode.equals(actor.scopeCode());
            case COMMUNE_OFFICER -> organisation.covers(actor, communeCode);
            case ADMIN -> !unconsented;
            case PROVINCE_OFFICER, SUPERVISOR -> !unconsented && organisation.covers(actor, communeCode);
        };
    }

    private Scope scopeOf(Actor actor) {
        return switch (actor.role()) {
            case DONOR -> throw new OutsideScope(actor.username() + " may not see children");
            case ADMIN ->
                actor.isNational()
                        ? new Scope(true, List.of(), null, false)
                        : new Scope(false, communesIn(actor.scopeCode()), null, false);
            case VILLAGE_COLLABORATOR -> new Scope(false, List.of(), actor.scopeCode(), true);
            case COMMUNE_OFFICER -> new Scope(false, communesIn(actor.scopeCode()), null, true);
            case PROVINCE_OFFICER, SUPERVISOR -> new Scope(false, communesIn(actor.scopeCode()), null, false);
        };
    }

    private List<String> communesIn(String scopeCode) {
        List<String> codes = new ArrayList<>();
        codes.add(scopeCode);
        organisation.subtree(scopeCode, today()).stream()
                .filter(OrgUnitView::isCommune)
                .map(OrgUnitView::code)
                .forEach(codes::add);
        return codes;
    }

    // ---- views --------------------------------------------------------------------------

    private ChildView view(Child c, LocalDate today) {
        ChildData d = c.data();
        Consent consent = c.consent();
        boolean erased = c.status() == ChildStatus.ERASED;
        return new ChildView(
                c.id(),
                c.publicCode(),
                c.status(),
                d.fullName(),
                d.dateOfBirth(),
                c.birthYear(),
                c.ageYears(today),
                d.sex(),
                d.ethnicGroupCode(),
                lists.ethnicGroupName(d.ethnicGroupCode()),
                d.villageCode(),
                villageName(d.villageCode(), today),
                d.communeCode(),
                d.guardianName(),
                d.guardianRelationship(),
                d.guardianPhone(),
                d.householdPoverty(),
                d.povertyCertificate(),
                d.schooling(),
                d.schoolName(),
                d.circumstances().stream()
                        .map(code -> new CodeName(code, lists.circumstanceName(code)))
                        .toList(),
                d.disability(),
                d.healthNotes(),
                d.nutritionNotes(),
                consent.guardianBy(),
                consent.guardianDate(),
                consent.method(),
                c.consentPurposes(),
                consent.childBy(),
                consent.childDate(),
                c.consentWithdrawnAt(),
                !erased && c.turning16(today),
                !erased && c.childConsentRequired(today) && !consent.hasChild(),
                c.usable(today));
    }

    private String villageName(String code, LocalDate today) {
        return organisation
                .find(code, today)
                .or(() -> organisation.versions(code).stream().reduce((a, b) -> b))
                .map(OrgUnitView::fullName)
                .orElse(code);
    }

    private static List<String> purposes(Child child) {
        return child.consentPurposes().stream().map(Enum::name).sorted().toList();
    }

    private static String column(String field) {
        return ChildWorkbooks.columnOf(field);
    }

    private String uniquePublicCode() {
        while (true) {
            String code = PublicCodes.next();
            if (children.takenPublicCodes(List.of(code)).isEmpty()) {
                return code;
            }
        }
    }

    private List<String> uniquePublicCodes(int count) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            Set<String> batch = new LinkedHashSet<>();
            while (batch.size() < count - codes.size()) {
                String code = PublicCodes.next();
                if (!codes.contains(code)) {
                    batch.add(code);
                }
            }
            batch.removeAll(children.takenPublicCodes(batch));
            codes.addAll(batch);
        }
        return new ArrayList<>(codes);
    }
}
