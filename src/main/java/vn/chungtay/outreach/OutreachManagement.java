package vn.chungtay.outreach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.outreach.internal.ActivityData;
import vn.chungtay.outreach.internal.ActivityStore;
import vn.chungtay.outreach.internal.LanguageList;
import vn.chungtay.outreach.internal.PhotoRules;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Outreach activities and coverage. Officers who manage a commune (its commune officers, the
 * province, administrators) record, correct and delete its activities; everyone but donors reads
 * within their scope. Coverage lists a commune's villages with the year's activities, ĐBKK villages
 * marked, and the monthly totals; a province sees one row per commune.
 */
@Service
@Transactional(readOnly = true)
public class OutreachManagement {

    /** Activities before the 588 programme began are not recorded. */
    static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);

    static final int MAX_PEOPLE = 1_000_000;
    static final int MAX_VILLAGES = 50;

    private final ActivityStore store;
    private final LanguageList languages;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutreachManagement(
            ActivityStore store,
            LanguageList languages,
            OrganisationManagement organisation,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.store = store;
        this.languages = languages;
        this.organisation = organisation;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public int currentYear() {
        return organisation.today().getYear();
    }

    public List<OutreachLanguage> languages() {
        return languages.all();
    }

    public Optional<OutreachLanguage> language(String code) {
        return languages.find(code);
    }

    // ---- reading -----------------------------------------------------------------------------

    public ActivityView get(ActivityId id) {
        ActivityView activity = store.find(id.value()).orElseThrow(() -> new ActivityNotFound(id));
        requireReadable(CurrentActor.get(), activity);
        return activity;
    }

    /** Activities within the actor's scope, newest first. */
    public Page<ActivityView> find(ActivityQuery query, int page, int size) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        int pageSize = Math.min(Math.max(size, 1), 200);
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (!actor.isNational()) {
            where.append(" and (a.province_code = :scope or a.commune_code = :scope or exists (select 1 from"
                    + " outreach_activity_village sv where sv.activity_id = a.id and sv.village_code = :scope))");
            params.put("scope", actor.scopeCode());
        }
        if (query.communeCode() != null && !query.communeCode().isBlank()) {
            where.append(" and a.commune_code = :commune");
            params.put("commune", query.communeCode().trim());
        }
        if (query.villageCode() != null && !query.villageCode().isBlank()) {
            where.append(" and exists (select 1 from outreach_activity_village fv where fv.activity_id = a.id"
                    + " and fv.village_code = :village)");
            params.put("village", query.villageCode().trim());
        }
        if (query.year() != null) {
            where.append(" and a.activity_date between :from and :to");
            params.put("from", LocalDate.of(query.year(), 1, 1));
            params.put("to", LocalDate.of(query.year(), 12, 31));
        }
        if (query.method() != null) {
            where.append(" and a.method = :method");
            params.put("method", query.method().name());
        }
        if (query.topic() != null) {
            where.append(" and exists (select 1 from outreach_activity_topic ft where ft.activity_id = a.id"
                    + " and ft.topic = :topic)");
            params.put("topic", query.topic().name());
        }
        ActivityStore.Found found = store.search(where.toString(), params, pageSize, Page.offset(page, pageSize));
        return new Page<>(store.views(found.ids()), Math.max(page, 0), pageSize, found.total());
    }

    /** A photo's bytes, for those who may read its activity. */
    public PhotoContent photo(ActivityId id, long photoId) {
        get(id);
        return store.photo(id.value(), photoId).orElseThrow(() -> new ActivityNotFound(id + "/" + photoId));
    }

    // ---- recording ---------------------------------------------------------------------------

    /**
     * Records an activity, with an optional photo. Fails with {@link InvalidOutreachInput} naming
     * every wrong field (the photo included) and {@link OutsideScope} outside the actor's scope;
     * nothing is written in either case.
     */
    @Transactional
    public ActivityView record(ActivityForm form, PhotoUpload photo) {
        Actor actor = CurrentActor.get();
        List<InvalidOutreachInput.Problem> problems = new ArrayList<>();
        ActivityData data = checked(form, actor, problems);
        CheckedPhoto checkedPhoto = photo == null || photo.isEmpty() ? null : checkedPhoto(photo, problems);
        if (!problems.isEmpty()) {
            throw new InvalidOutreachInput(problems);
        }
        Instant now = Instant.now(clock);
        long id = store.insert(data, actor.username(), now);
        ActivityId activityId = new ActivityId(id);
        events.publishEvent(new ActivityRecorded(activityId, data.communeCode(), null, data.auditState()));
        if (checkedPhoto != null) {
            storePhoto(activityId, data.communeCode(), checkedPhoto, actor, now);
        }
        return store.find(id).orElseThrow();
    }

    @Transactional
    public ActivityView record(ActivityForm form) {
        return record(form, null);
    }

    /** Corrects an activity, with the same checks as {@link #record}; the audit trail keeps before and after. */
    @Transactional
    public ActivityView correct(ActivityId id, ActivityForm form) {
        Actor actor = CurrentActor.get();
        ActivityView existing = store.lock(id.value()).orElseThrow(() -> new ActivityNotFound(id));
        organisation.requireManageable(actor, existing.communeCode());
        List<InvalidOutreachInput.Problem> problems = new ArrayList<>();
        ActivityData data = checked(form, actor, problems);
        if (!problems.isEmpty()) {
            throw new InvalidOutreachInput(problems);
        }
        Map<String, Object> before = stateOf(existing);
        store.update(id.value(), data, actor.username(), Instant.now(clock));
        events.publishEvent(new ActivityCorrected(id, data.communeCode(), before, data.auditState()));
        return store.find(id.value()).orElseThrow();
    }

    /** Deletes an activity with a reason: it leaves lists, coverage and figures; the row and the audit stay. */
    @Transactional
    public void delete(ActivityId id, String reason) {
        Actor actor = CurrentActor.get();
        ActivityView existing = store.lock(id.value()).orElseThrow(() -> new ActivityNotFound(id));
        organisation.requireManageable(actor, existing.communeCode());
        String cleaned = VietnameseText.clean(reason);
        if (cleaned == null || cleaned.isEmpty()) {
            throw InvalidOutreachInput.of("reason", "outreach.delete.reasonRequired");
        }
        if (cleaned.length() > 500) {
            throw InvalidOutreachInput.of("reason", "outreach.field.tooLong", 500);
        }
        store.markDeleted(id.value(), cleaned, actor.username(), Instant.now(clock));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reason", cleaned);
        events.publishEvent(new ActivityDeleted(id, existing.communeCode(), stateOf(existing), after));
    }

    /** Adds a photo (JPEG or PNG by its first bytes, at most 10 MB, at most 10 per activity). */
    @Transactional
    public ActivityView addPhoto(ActivityId id, PhotoUpload photo) {
        Actor actor = CurrentActor.get();
        ActivityView existing = store.lock(id.value()).orElseThrow(() -> new ActivityNotFound(id));
        organisation.requireManageable(actor, existing.communeCode());
        List<InvalidOutreachInput.Problem> problems = new ArrayList<>();
        if (photo == null || photo.isEmpty()) {
            throw InvalidOutreachInput.of("photo", "outreach.photo.required");
        }
        CheckedPhoto checked = checkedPhoto(photo, problems);
        if (!problems.isEmpty()) {
            throw new InvalidOutreachInput(problems);
        }
        storePhoto(id, existing.communeCode(), checked, actor, Instant.now(clock));
        return store.find(id.value()).orElseThrow();
    }

    @Transactional
    public ActivityView removePhoto(ActivityId id, long photoId) {
        Actor actor = CurrentActor.get();
        ActivityView existing = store.lock(id.value()).orElseThrow(() -> new ActivityNotFound(id));
        organisation.requireManageable(actor, existing.communeCode());
        ActivityView.PhotoView photo = existing.photos().stream()
                .filter(p -> p.id() == photoId)
                .findFirst()
                .orElseThrow(() -> new ActivityNotFound(id + "/" + photoId));
        store.removePhoto(id.value(), photoId, Instant.now(clock));
        events.publishEvent(new PhotoRemoved(id, existing.communeCode(), photoState(photo), null));
        return store.find(id.value()).orElseThrow();
    }

    private record CheckedPhoto(String filename, String contentType, byte[] content, String sha256) {}

    private static CheckedPhoto checkedPhoto(PhotoUpload photo, List<InvalidOutreachInput.Problem> problems) {
        if (photo.content().length > PhotoRules.MAX_BYTES) {
            problems.add(problem("photo", "outreach.photo.tooLarge", PhotoRules.MAX_BYTES / (1024 * 1024)));
            return null;
        }
        Optional<String> type = PhotoRules.contentType(photo.content());
        if (type.isEmpty()) {
            problems.add(problem("photo", "outreach.photo.notAnImage"));
            return null;
        }
        return new CheckedPhoto(
                PhotoRules.filename(photo.filename(), type.get()),
                type.get(),
                photo.content(),
                PhotoRules.sha256(photo.content()));
    }

    private void storePhoto(ActivityId id, String communeCode, CheckedPhoto photo, Actor actor, Instant now) {
        if (store.photoCount(id.value()) >= PhotoRules.MAX_PER_ACTIVITY) {
            throw InvalidOutreachInput.of("photo", "outreach.photo.tooMany", PhotoRules.MAX_PER_ACTIVITY);
        }
        if (store.hasPhoto(id.value(), photo.sha256())) {
            throw InvalidOutreachInput.of("photo", "outreach.photo.duplicate");
        }
        long photoId = store.insertPhoto(
                id.value(),
                photo.filename(),
                photo.contentType(),
                photo.content(),
                photo.sha256(),
                actor.username(),
                now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("photoId", photoId);
        after.put("filename", photo.filename());
        after.put("contentType", photo.contentType());
        after.put("sizeBytes", photo.content().length);
        after.put("sha256", photo.sha256());
        events.publishEvent(new PhotoAdded(id, communeCode, null, after));
    }

    // ---- coverage ----------------------------------------------------------------------------

    /**
     * Coverage of a commune in a year. The villages are those of the commune known today (or at the
     * year's end for a coming year) that had not ended before the year began — a village's
     * validity starts when it was registered in ChungTay, so villages registered later still count
     * for earlier years. ĐBKK is the village's class on the year's last day, or today in the current
     * year.
     */
    public Coverage coverage(String communeCode, int year) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        OrgUnitView commune = commune(communeCode, year);
        requireCovered(actor, commune.code());
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        LocalDate classifiedOn = classificationDate(year);
        Map<String, ActivityStore.VillageCount> counts = new HashMap<>();
        store.villageCounts(List.of(commune.code()), null, from, to).forEach(c -> counts.put(c.villageCode(), c));
        List<Coverage.VillageCoverage> villages = villageCoverage(commune.code(), year, classifiedOn, counts);
        return new Coverage(
                commune.code(),
                commune.fullName(),
                year,
                classifiedOn,
                villages,
                months(store.monthly(List.of(commune.code()), null, from, to)));
    }

    /** Coverage per commune of a province (province officers, supervisors of the province, administrators). */
    public ProvinceCoverage provinceCoverage(String provinceCode, int year) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        LocalDate classifiedOn = classificationDate(year);
        OrgUnitView province = organisation
                .find(provinceCode == null ? "" : provinceCode.trim(), classifiedOn)
                .filter(u -> u.level() == 1)
                .orElseThrow(() -> InvalidOutreachInput.of("province", "outreach.province.unknown", provinceCode));
        requireCovered(actor, province.code());
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<String, Map<String, ActivityStore.VillageCount>> countsByCommune = new HashMap<>();
        store.villageCounts(List.of(), province.code(), from, to)
                .forEach(c -> countsByCommune
                        .computeIfAbsent(c.communeCode(), k -> new HashMap<>())
                        .put(c.villageCode(), c));
        List<ActivityStore.MonthRow> monthRows = store.monthly(List.of(), province.code(), from, to);
        Map<String, long[]> totals = new HashMap<>();
        monthRows.forEach(r -> {
            long[] t = totals.computeIfAbsent(r.communeCode(), k -> new long[3]);
            t[0] += r.activities();
            t[1] += r.people();
            t[2] += r.households();
        });
        List<ProvinceCoverage.CommuneRow> rows = new ArrayList<>();
        for (OrgUnitView commune : organisation.children(province.code(), classifiedOn)) {
            if (!commune.isCommune()) {
                continue;
            }
            List<Coverage.VillageCoverage> villages = villageCoverage(
                    commune.code(), year, classifiedOn, countsByCommune.getOrDefault(commune.code(), Map.of()));
            long[] t = totals.getOrDefault(commune.code(), new long[3]);
            rows.add(new ProvinceCoverage.CommuneRow(
                    commune.code(),
                    commune.fullName(),
                    villages.size(),
                    (int) villages.stream()
                            .filter(Coverage.VillageCoverage::reached)
                            .count(),
                    (int) villages.stream()
                            .filter(Coverage.VillageCoverage::especiallyDifficult)
                            .count(),
                    (int) villages.stream()
                            .filter(v -> v.especiallyDifficult() && v.reached())
                            .count(),
                    t[0],
                    t[1],
                    t[2]));
        }
        rows.sort(Comparator.comparing((ProvinceCoverage.CommuneRow r) -> r.activities() == 0 && r.villages() == 0)
                .thenComparing(r -> VietnameseText.fold(r.name())));
        return new ProvinceCoverage(province.code(), province.fullName(), year, rows, months(monthRows));
    }

    /** The villages of a commune as the activity form offers them on a date (open ones, or those ended after it). */
    public List<OrgUnitView> villagesOf(String communeCode, LocalDate date) {
        LocalDate today = organisation.today();
        LocalDate seen = date == null || date.isBefore(today) ? today : date;
        LocalDate activityDate = date == null ? today : date;
        return organisation.villages(communeCode, seen).stream()
                .filter(v -> v.validTo() == null || !v.validTo().isBefore(activityDate))
                .toList();
    }

    private List<Coverage.VillageCoverage> villageCoverage(
            String communeCode, int year, LocalDate classifiedOn, Map<String, ActivityStore.VillageCount> counts) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate today = organisation.today();
        LocalDate seen = LocalDate.of(year, 12, 31).isAfter(today) ? LocalDate.of(year, 12, 31) : today;
        Map<String, Coverage.VillageCoverage> villages = new LinkedHashMap<>();
        for (OrgUnitView village : organisation.villages(communeCode, seen)) {
            if (village.validTo() != null && village.validTo().isBefore(from) && !counts.containsKey(village.code())) {
                continue;
            }
            ActivityStore.VillageCount count = counts.get(village.code());
            villages.putIfAbsent(
                    village.code(),
                    new Coverage.VillageCoverage(
                            village.code(),
                            village.fullName(),
                            organisation.isEspeciallyDifficult(village, classifiedOn),
                            count == null ? 0 : count.activities(),
                            count == null ? null : count.last()));
        }
        // reached villages the commune no longer lists (moved to another commune since)
        counts.values().stream()
                .filter(c -> !villages.containsKey(c.villageCode()))
                .forEach(c -> {
                    Optional<OrgUnitView> village = organisation
                            .find(c.villageCode(), c.last())
                            .or(() -> organisation.find(c.villageCode(), today));
                    villages.put(
                            c.villageCode(),
                            new Coverage.VillageCoverage(
                                    c.villageCode(),
                                    village.map(OrgUnitView::fullName).orElse(c.villageCode()),
                                    village.map(v -> organisation.isEspeciallyDifficult(v, classifiedOn))
                                            .orElse(false),
                                    c.activities(),
                                    c.last()));
                });
        return List.copyOf(villages.values());
    }

    private static List<Coverage.MonthTotal> months(List<ActivityStore.MonthRow> rows) {
        long[][] sums = new long[13][3];
        for (ActivityStore.MonthRow row : rows) {
            sums[row.month()][0] += row.activities();
            sums[row.month()][1] += row.people();
            sums[row.month()][2] += row.households();
        }
        List<Coverage.MonthTotal> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new Coverage.MonthTotal(m, (int) sums[m][0], sums[m][1], sums[m][2]));
        }
        return months;
    }

    private LocalDate classificationDate(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = organisation.today();
        return end.isAfter(today) ? today : end;
    }

    private OrgUnitView commune(String communeCode, int year) {
        String code = communeCode == null ? "" : communeCode.trim();
        if (code.isEmpty()) {
            throw InvalidOutreachInput.of("commune", "outreach.commune.required");
        }
        if (year < EARLIEST.getYear() || year > organisation.today().getYear() + 1) {
            throw InvalidOutreachInput.of("year", "outreach.year.invalid", Integer.toString(EARLIEST.getYear()));
        }
        return organisation
                .find(code, organisation.today())
                .or(() -> organisation.find(code, classificationDate(year)))
                .filter(OrgUnitView::isCommune)
                .orElseThrow(() -> InvalidOutreachInput.of("commune", "outreach.commune.unknown", code));
    }

    // ---- who may do what ---------------------------------------------------------------------

    /** Whether the actor records activities of the commune: officers managing it. */
    public boolean canRecord(Actor actor, String communeCode) {
        return actor.canManage() && organisation.covers(actor, communeCode);
    }

    /** Whether the actor sees the coverage of a whole province (its officers, supervisors, administrators). */
    public boolean seesProvinces(Actor actor) {
        return actor.isNational() || actor.has(Role.PROVINCE_OFFICER) || actor.has(Role.SUPERVISOR);
    }

    static void requireReader(Actor actor) {
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read outreach records");
        }
    }

    private void requireCovered(Actor actor, String unitCode) {
        if (!organisation.covers(actor, unitCode)) {
            throw new OutsideScope(actor.username() + " may not read outreach of " + unitCode);
        }
    }

    private void requireReadable(Actor actor, ActivityView activity) {
        requireReader(actor);
        boolean covered = organisation.covers(actor, activity.communeCode())
                || (activity.provinceCode() != null && activity.provinceCode().equals(actor.scopeCode()))
                || activity.villageCodes().stream().anyMatch(v -> v.equals(actor.scopeCode()));
        if (!covered) {
            throw new OutsideScope(actor.username() + " may not read outreach activity " + activity.id());
        }
    }

    // ---- checking a form ---------------------------------------------------------------------

    private ActivityData checked(ActivityForm form, Actor actor, List<InvalidOutreachInput.Problem> problems) {
        LocalDate today = organisation.today();
        LocalDate date = null;
        String rawDate = trimmed(form.date());
        if (rawDate.isEmpty()) {
            problems.add(problem("date", "outreach.date.required"));
        } else {
            try {
                date = LocalDate.parse(rawDate);
                if (date.isAfter(today)) {
                    problems.add(problem("date", "outreach.date.future"));
                    date = null;
                } else if (date.isBefore(EARLIEST)) {
                    problems.add(problem("date", "outreach.date.tooEarly", "01/01/" + EARLIEST.getYear()));
                    date = null;
                }
            } catch (DateTimeParseException e) {
                problems.add(problem("date", "outreach.date.invalid"));
            }
        }
        String communeCode = trimmed(form.communeCode());
        OrgUnitView commune = null;
        if (communeCode.isEmpty()) {
            problems.add(problem("communeCode", "outreach.commune.required"));
        } else {
            LocalDate on = date == null ? today : date;
            commune = organisation
                    .find(communeCode, today)
                    .or(() -> organisation.find(communeCode, on))
                    .filter(OrgUnitView::isCommune)
                    .orElse(null);
            if (commune == null) {
                problems.add(problem("communeCode", "outreach.commune.unknown", communeCode));
            }
        }
        if (commune != null) {
            organisation.requireManageable(actor, commune.code());
        } else if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not record outreach activities");
        }
        Set<String> villageCodes = new LinkedHashSet<>();
        form.villageCodes().stream().map(String::trim).filter(v -> !v.isEmpty()).forEach(villageCodes::add);
        if (villageCodes.isEmpty()) {
            problems.add(problem("villageCodes", "outreach.villages.required"));
        } else if (villageCodes.size() > MAX_VILLAGES) {
            problems.add(problem("villageCodes", "outreach.villages.tooMany", MAX_VILLAGES));
        } else if (commune != null) {
            Set<String> ofCommune = new LinkedHashSet<>();
            villagesOf(commune.code(), date).forEach(v -> ofCommune.add(v.code()));
            for (String code : villageCodes) {
                if (ofCommune.contains(code)) {
                    continue;
                }
                Optional<OrgUnitView> elsewhere = organisation.find(code, today).filter(OrgUnitView::isVillage);
                if (elsewhere.isPresent()
                        && !commune.code().equals(elsewhere.get().parentCode())) {
                    String otherCommune = organisation
                            .find(elsewhere.get().parentCode(), today)
                            .map(OrgUnitView::fullName)
                            .orElse(elsewhere.get().parentCode());
                    problems.add(problem(
                            "villageCodes",
                            "outreach.villages.otherCommune",
                            elsewhere.get().fullName(),
                            otherCommune,
                            commune.fullName()));
                } else if (elsewhere.isPresent()) {
                    problems.add(problem(
                            "villageCodes",
                            "outreach.villages.endedBefore",
                            elsewhere.get().fullName()));
                } else {
                    problems.add(problem("villageCodes", "outreach.villages.unknown", code));
                }
            }
        }
        OutreachMethod method = enumValue(OutreachMethod.class, form.method());
        if (method == null) {
            problems.add(problem("method", "outreach.method.required"));
        }
        EnumSet<Topic> topics = EnumSet.noneOf(Topic.class);
        for (String raw : form.topics()) {
            if (trimmed(raw).isEmpty()) {
                continue;
            }
            Topic topic = enumValue(Topic.class, raw);
            if (topic == null) {
                problems.add(problem("topics", "outreach.topics.unknown", raw));
            } else {
                topics.add(topic);
            }
        }
        if (topics.isEmpty() && problems.stream().noneMatch(p -> "topics".equals(p.field()))) {
            problems.add(problem("topics", "outreach.topics.required"));
        }
        String organisers = VietnameseText.clean(form.organisers());
        if (organisers == null || organisers.isEmpty()) {
            problems.add(problem("organisers", "outreach.organisers.required"));
        } else if (organisers.length() > 500) {
            problems.add(problem("organisers", "outreach.field.tooLong", 500));
        }
        String partners = blankToNull(VietnameseText.clean(form.partners()));
        if (partners != null && partners.length() > 500) {
            problems.add(problem("partners", "outreach.field.tooLong", 500));
        }
        Integer people = count(form.peopleReached());
        if (people == null) {
            problems.add(problem("peopleReached", "outreach.people.invalid", MAX_PEOPLE));
        }
        Integer households = count(form.householdsReached());
        if (households == null) {
            problems.add(problem("householdsReached", "outreach.households.invalid", MAX_PEOPLE));
        } else if (people != null && households > people) {
            problems.add(problem("householdsReached", "outreach.households.moreThanPeople", households, people));
        }
        Optional<OutreachLanguage> language = languages.find(form.language());
        if (language.isEmpty()) {
            problems.add(problem("language", "outreach.language.unknown"));
        }
        String notes = blankToNull(VietnameseText.clean(form.notes()));
        if (notes != null && notes.length() > 2000) {
            problems.add(problem("notes", "outreach.field.tooLong", 2000));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new ActivityData(
                date,
                commune.code(),
                provinceOf(commune.code(), date),
                List.copyOf(villageCodes),
                method,
                List.copyOf(topics),
                organisers,
                partners,
                people,
                households,
                language.get().code(),
                notes);
    }

    /** The province the commune lies in today (or, for a commune that ended, on the date). */
    private String provinceOf(String communeCode, LocalDate date) {
        LocalDate today = organisation.today();
        List<OrgUnitView> ancestors = organisation.ancestors(communeCode, today);
        if (ancestors.isEmpty()) {
            ancestors = organisation.ancestors(communeCode, date);
        }
        return ancestors.stream()
                .filter(u -> u.level() == 1)
                .map(OrgUnitView::code)
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> stateOf(ActivityView a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("date", a.date().toString());
        state.put("communeCode", a.communeCode());
        state.put("villageCodes", a.villageCodes());
        state.put("method", a.method().name());
        state.put("topics", a.topics().stream().map(Enum::name).toList());
        state.put("organisers", a.organisers());
        state.put("partners", a.partners());
        state.put("peopleReached", a.peopleReached());
        state.put("householdsReached", a.householdsReached());
        state.put("language", a.language());
        state.put("notes", a.notes());
        return state;
    }

    private static Map<String, Object> photoState(ActivityView.PhotoView photo) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("photoId", photo.id());
        state.put("filename", photo.filename());
        state.put("sha256", photo.sha256());
        return state;
    }

    /** A whole number from 0 to {@value #MAX_PEOPLE} as typed ({@code 1.200} too), or null. */
    static Integer count(String text) {
        String value = trimmed(text);
        if (value.matches("\\d{1,3}([.,\\s]\\d{3})+")) {
            value = value.replaceAll("[.,\\s]", "");
        }
        if (!value.matches("\\d{1,7}")) {
            return null;
        }
        int number = Integer.parseInt(value);
        return number > MAX_PEOPLE ? null : number;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        String value = trimmed(text).toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    static InvalidOutreachInput.Problem problem(String field, String key, Object... arguments) {
        return new InvalidOutreachInput.Problem(field, key, List.of(arguments));
    }
}
