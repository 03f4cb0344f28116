package vn.chungtay.need;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.child.ChildDirectory;
import vn.chungtay.child.ChildId;
import vn.chungtay.need.internal.Need;
import vn.chungtay.need.internal.NeedDetails;
import vn.chungtay.need.internal.NeedRepository;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Needs: recording them within one's scope, their lifecycle (submit, approve, publish, fund,
 * deliver, close, cancel), the duplicate warning and the support-category list. Commune officers
 * create and submit; province officers and administrators approve (see docs/adr/006).
 */
@Service
@Transactional(readOnly = true)
public class NeedManagement {

    static final long MAX_UNIT_COST = 10_000_000_000L;

    private final NeedRepository needs;
    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final ChildDirectory children;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NeedManagement(
            NeedRepository needs,
            JdbcClient jdbc,
            OrganisationManagement organisation,
            ChildDirectory children,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.needs = needs;
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.children = children;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    // ---- categories ------------------------------------------------------------------------

    /** Active support categories, in the order they were added. */
    public List<SupportCategory> categories() {
        return jdbc.sql("select code, name_vi, name_en, source, active from support_category where active"
                        + " order by created_at, code")
                .query((rs, n) -> new SupportCategory(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    /** Adds a category (administrators only); the code is upper-case letters, digits and underscores. */
    @Transactional
    public SupportCategory addCategory(String code, String nameVi, String nameEn) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.ADMIN)) {
            throw new OutsideScope(actor.username() + " may not add support categories");
        }
        String cleanCode = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        String vi = VietnameseText.clean(nameVi);
        String en = VietnameseText.clean(nameEn);
        List<InvalidNeedInput.Problem> problems = new ArrayList<>();
        if (!cleanCode.matches("[A-Z][A-Z0-9_]{1,29}")) {
            problems.add(problem("code", "need.category.codeInvalid"));
        } else if (jdbc.sql("select count(*) from support_category where code = :code")
                        .param("code", cleanCode)
                        .query(Long.class)
                        .single()
                > 0) {
            problems.add(problem("code", "need.category.codeTaken", cleanCode));
        }
        if (vi == null || vi.isEmpty() || vi.length() > 200) {
            problems.add(problem("nameVi", "need.category.nameRequired"));
        }
        if (en == null || en.isEmpty() || en.length() > 200) {
            problems.add(problem("nameEn", "need.category.nameRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidNeedInput(problems);
        }
        jdbc.sql("""
                        insert into support_category (code, name_vi, name_en, name_folded, source, created_by)
                        values (:code, :vi, :en, :folded, null, :by)""")
                .param("code", cleanCode)
                .param("vi", vi)
                .param("en", en)
                .param("folded", VietnameseText.fold(vi))
                .param("by", actor.username())
                .update();
        return new SupportCategory(cleanCode, vi, en, null, true);
    }

    // ---- reading ---------------------------------------------------------------------------

    public NeedView get(NeedId id) {
        Need need = load(id);
        requireReadable(CurrentActor.get(), need.view());
        return need.view();
    }

    /** A need without a scope check, for modules that check the caller's scope themselves (the ledger). */
    public Optional<NeedView> lookup(NeedId id) {
        return needs.findById(id.value()).map(Need::view);
    }

    /** Needs within the actor's scope, newest first. */
    public Page<NeedView> find(NeedQuery query, int page, int size) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        int pageSize = Math.min(Math.max(size, 1), 200);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (!actor.isNational()) {
            where.append(" and (province_code = :scope or commune_code = :scope or unit_code = :scope)");
            params.put("scope", actor.scopeCode());
        }
        if (query.communeCode() != null && !query.communeCode().isBlank()) {
            where.append(" and commune_code = :commune");
            params.put("commune", query.communeCode().trim());
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            params.put("status", query.status().name());
        }
        if (query.categoryCode() != null && !query.categoryCode().isBlank()) {
            where.append(" and category_code = :category");
            params.put("category", query.categoryCode().trim());
        }
        if (query.year() != null) {
            where.append(" and year = :year");
            params.put("year", query.year());
        }
        String folded = VietnameseText.fold(query.text());
        if (!folded.isEmpty()) {
            String[] words = folded.split(" ");
            for (int i = 0; i < words.length; i++) {
                where.append(" and (description_folded || ' ' || village_folded || ' ' || commune_folded || ' '"
                                + " || school_folded || ' ' || season_folded) like :w")
                        .append(i);
                params.put("w" + i, "%" + words[i] + "%");
            }
        }
        long total = jdbc.sql("select count(*) from need" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("select id from need" + where + " order by id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", Page.offset(page, pageSize))
                .query(Long.class)
                .list();
        Map<Long, Need> found = new HashMap<>();
        needs.findAllById(ids).forEach(n -> found.put(n.getId(), n));
        List<NeedView> items = ids.stream().map(found::get).map(Need::view).toList();
        return new Page<>(items, Math.max(page, 0), pageSize, total);
    }

    /** The anonymous mention of a need's child, if the child may still be mentioned. */
    public Optional<ChildMention> childMention(NeedView need) {
        if (need.childId() == null || need.childDetailsWithdrawn()) {
            return Optional.empty();
        }
        return mentionOf(need.childId());
    }

    Optional<ChildMention> mentionOf(long childId) {
        return children.anonymousProfile(new ChildId(childId))
                .map(p -> new ChildMention(p.ageYears(), p.sex().name(), p.ethnicGroupName()));
    }

    /** The child's public code for officers of its scope, when the child may still be mentioned. */
    public Optional<String> childPublicCode(NeedView need) {
        if (need.childId() == null || need.childDetailsWithdrawn()) {
            return Optional.empty();
        }
        return children.anonymousProfile(new ChildId(need.childId())).map(p -> p.publicCode());
    }

    // ---- recording -------------------------------------------------------------------------

    /**
     * Records a draft need. Fails with {@link InvalidNeedInput} naming the fields, {@link
     * OutsideScope} outside the actor's scope, and {@link DuplicateNeedWarning} when a likely
     * duplicate exists and the form does not confirm it; nothing is written in each case.
     */
    @Transactional
    public NeedView create(NeedForm form) {
        Actor actor = CurrentActor.get();
        NeedDetails details = checked(form, actor);
        requireNoUnconfirmedDuplicate(details, null, form);
        Need need = needs.save(Need.draft(details, actor.username(), Instant.now(clock)));
        needs.flush();
        NeedView view = need.view();
        events.publishEvent(new NeedCreated(view.id(), view.communeCode(), null, need.auditState()));
        return view;
    }

    /** Edits a draft need, with the same checks as {@link #create}. */
    @Transactional
    public NeedView update(NeedId id, NeedForm form) {
        Actor actor = CurrentActor.get();
        Need need = load(id);
        organisation.requireManageable(actor, need.view().unitCode());
        Map<String, Object> before = need.auditState();
        NeedDetails details = checked(form, actor);
        if (need.getStatus() != NeedStatus.DRAFT) {
            throw new NeedRuleViolated("onlyDraftsAreEdited", "need.rule.onlyDraftsAreEdited");
        }
        requireNoUnconfirmedDuplicate(details, id, form);
        need.edit(details);
        needs.flush();
        events.publishEvent(new NeedUpdated(id, need.getCommuneCode(), before, need.auditState()));
        return need.view();
    }

    /** Likely duplicates of a form's need: same child, or same group unit and school, same category, year and season. */
    public List<NeedView> duplicatesOf(NeedForm form) {
        return duplicates(checked(form, CurrentActor.get()), null);
    }

    private void requireNoUnconfirmedDuplicate(NeedDetails details, NeedId except, NeedForm form) {
        if (form.duplicateConfirmed()) {
            return;
        }
        List<NeedView> found = duplicates(details, except);
        if (!found.isEmpty()) {
            throw new DuplicateNeedWarning(found);
        }
    }

    private List<NeedView> duplicates(NeedDetails d, NeedId except) {
        String sameTarget = d.childId() != null
                ? "child_id = :child"
                : "child_id is null and unit_code = :unit and school_folded = :school and target = :target";
        List<Long> ids = jdbc.sql("select id from need where " + sameTarget
                        + " and category_code = :category and year = :year and season_folded = :season"
                        + " and status in ('DRAFT', 'APPROVED', 'PUBLISHED', 'PARTLY_FUNDED', 'FUNDED')"
                        + " and id <> :except order by id")
                .param("child", d.childId() == null ? -1L : d.childId())
                .param("unit", d.unitCode())
                .param("school", VietnameseText.fold(d.schoolName()))
                .param("target", d.target().name())
                .param("category", d.categoryCode())
                .param("year", d.year())
                .param("season", VietnameseText.fold(d.season()))
                .param("except", except == null ? -1L : except.value())
                .query(Long.class)
                .list();
        return needs.findAllById(ids).stream().map(Need::view).toList();
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** The commune sends a draft to the province for approval. */
    @Transactional
    public NeedView submit(NeedId id) {
        Need need = load(id);
        organisation.requireManageable(CurrentActor.get(), need.view().unitCode());
        Map<String, Object> before = need.auditState();
        need.submit();
        return changed(need, new NeedSubmitted(id, need.getCommuneCode(), before, need.auditState()));
    }

    /** The level above approves a submitted draft: a province officer or administrator covering the commune. */
    @Transactional
    public NeedView approve(NeedId id) {
        Need need = load(id);
        requireApprover(CurrentActor.get(), need.getCommuneCode());
        Map<String, Object> before = need.auditState();
        need.approve();
        return changed(need, new NeedApproved(id, need.getCommuneCode(), before, need.auditState()));
    }

    /** Makes an approved need visible to donors and the public. */
    @Transactional
    public NeedView publish(NeedId id) {
        Need need = load(id);
        organisation.requireManageable(CurrentActor.get(), need.view().unitCode());
        Map<String, Object> before = need.auditState();
        need.publish(Instant.now(clock));
        return changed(need, new NeedPublished(id, need.getCommuneCode(), before, need.auditState()));
    }

    /** Cancels a need that has received no money, with a reason. */
    @Transactional
    public NeedView cancel(NeedId id, String reason) {
        Need need = load(id);
        organisation.requireManageable(CurrentActor.get(), need.view().unitCode());
        Map<String, Object> before = need.auditState();
        need.cancel(reason);
        return changed(need, new NeedCancelled(id, need.getCommuneCode(), before, need.auditState()));
    }

    /**
     * Money received for a published need, in whole đồng (for the donation module): the need
     * becomes partly funded, or funded once the total is reached.
     */
    @Transactional
    public NeedView recordFunding(NeedId id, Vnd amount) {
        Need need = loadForChange(id);
        organisation.requireManageable(CurrentActor.orSystem(), need.view().unitCode());
        Map<String, Object> before = need.auditState();
        need.recordFunding(amount);
        return changed(need, new NeedFundingRecorded(id, need.getCommuneCode(), before, need.auditState()));
    }

    /**
     * Money recorded for a need was taken back (the ledger reversed an allocation to it): the
     * funded total goes down, and the need is published, partly funded or funded again.
     */
    @Transactional
    public NeedView withdrawFunding(NeedId id, Vnd amount) {
        Need need = loadForChange(id);
        organisation.requireManageable(CurrentActor.orSystem(), need.view().unitCode());
        Map<String, Object> before = need.auditState();
        need.withdrawFunding(amount);
        return changed(need, new NeedFundingWithdrawn(id, need.getCommuneCode(), before, need.auditState()));
    }

    /** The support of a funded need reached the children (for the donation module). */
    @Transactional
    public NeedView markDelivered(NeedId id) {
        Need need = loadForChange(id);
        organisation.requireManageable(CurrentActor.orSystem(), need.view().unitCode());
        Map<String, Object> before = need.auditState();
        need.markDelivered();
        return changed(need, new NeedDelivered(id, need.getCommuneCode(), before, need.auditState()));
    }

    /** Closes a delivered need. */
    @Transactional
    public NeedView close(NeedId id) {
        Need need = load(id);
        organisation.requireManageable(CurrentActor.orSystem(), need.view().unitCode());
        Map<String, Object> before = need.auditState();
        need.close();
        return changed(need, new NeedClosed(id, need.getCommuneCode(), before, need.auditState()));
    }

    private NeedView changed(Need need, NeedChange event) {
        needs.flush();
        events.publishEvent(event);
        return need.view();
    }

    // ---- rules of who may do what -------------------------------------------------------------

    /** Whether the actor may change needs of the unit (commune officers of its commune, the province, admins). */
    public boolean canManage(Actor actor, String unitCode) {
        return actor.canManage() && organisation.covers(actor, unitCode);
    }

    /** Whether the actor approves needs and plans of the commune: the level above (province) or an administrator. */
    public boolean canApprove(Actor actor, String communeCode) {
        return (actor.has(Role.ADMIN) || actor.has(Role.PROVINCE_OFFICER)) && organisation.covers(actor, communeCode);
    }

    void requireApprover(Actor actor, String communeCode) {
        if (!canApprove(actor, communeCode)) {
            throw new OutsideScope(actor.username() + " may not approve needs of " + communeCode);
        }
    }

    static void requireReader(Actor actor) {
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read the officers' need list");
        }
    }

    void requireReadable(Actor actor, NeedView need) {
        requireReader(actor);
        if (!organisation.covers(actor, need.unitCode()) && !organisation.covers(actor, need.communeCode())) {
            throw new OutsideScope(actor.username() + " may not read need " + need.id());
        }
        if (actor.has(Role.VILLAGE_COLLABORATOR) && !organisation.covers(actor, need.unitCode())) {
            throw new OutsideScope(actor.username() + " may not read need " + need.id());
        }
    }

    private Need load(NeedId id) {
        return needs.findById(id.value()).orElseThrow(() -> new NeedNotFound(id));
    }

    /**
     * The need locked and read afresh, for changes that race (fundings from two campaigns, or a
     * ledger posting that read the need earlier in its transaction): without the lock the second
     * writer failed on the need's version with a 500 (two-instance reliability test).
     */
    private Need loadForChange(NeedId id) {
        Need need = needs.lockForChange(id.value());
        if (need == null) {
            throw new NeedNotFound(id);
        }
        return need;
    }

    // ---- checking a form -------------------------------------------------------------------

    private NeedDetails checked(NeedForm form, Actor actor) {
        List<InvalidNeedInput.Problem> problems = new ArrayList<>();
        LocalDate today = organisation.today();
        NeedTarget target = enumValue(NeedTarget.class, form.target());
        if (target == null) {
            problems.add(problem("target", "need.target.required"));
        }
        Long childId = null;
        String unitCode = trimmed(form.unitCode());
        if (target == NeedTarget.CHILD) {
            String code = trimmed(form.childCode());
            if (code.isEmpty()) {
                problems.add(problem("childCode", "need.child.required"));
            } else {
                Optional<ChildId> child = children.findByPublicCode(code.toUpperCase(Locale.ROOT));
                if (child.isEmpty()) {
                    problems.add(problem("childCode", "need.child.notFound", code));
                } else if (!children.canUse(actor, child.get())) {
                    problems.add(problem("childCode", "need.child.notUsable", code));
                } else {
                    childId = child.get().value();
                    if (unitCode.isEmpty()) {
                        unitCode = children.anonymousProfile(child.get())
                                .map(p -> p.villageCode())
                                .orElse("");
                    }
                }
            }
        }
        OrgUnitView unit = null;
        if (unitCode.isEmpty()) {
            if (target != NeedTarget.CHILD || childId != null) {
                problems.add(problem("unitCode", "need.unit.required"));
            }
        } else {
            unit = organisation.find(unitCode, today).orElse(null);
            if (unit == null) {
                problems.add(problem("unitCode", "need.unit.notFound", unitCode));
            } else if (!(unit.isVillage() || unit.isCommune())) {
                problems.add(problem("unitCode", "need.unit.notVillageOrCommune", unitCode));
                unit = null;
            } else if ((target == NeedTarget.VILLAGE || target == NeedTarget.CHILD) && !unit.isVillage()) {
                problems.add(problem("unitCode", "need.unit.mustBeVillage", unitCode));
            } else if (target == NeedTarget.COMMUNE && !unit.isCommune()) {
                problems.add(problem("unitCode", "need.unit.mustBeCommune", unitCode));
            }
        }
        if (unit != null) {
            organisation.requireManageable(actor, unit.code());
        } else if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not record needs");
        }
        String school = VietnameseText.clean(form.schoolName());
        if (target == NeedTarget.SCHOOL) {
            if (school == null || school.isEmpty()) {
                problems.add(problem("schoolName", "need.school.required"));
            } else if (school.length() > 200) {
                problems.add(problem("schoolName", "need.field.tooLong", 200));
            }
        } else {
            school = null;
        }
        String category = trimmed(form.categoryCode());
        if (category.isEmpty()) {
            problems.add(problem("categoryCode", "need.category.required"));
        } else if (categories().stream().noneMatch(c -> c.code().equals(category))) {
            problems.add(problem("categoryCode", "need.category.unknown", category));
        }
        String description = VietnameseText.clean(form.description());
        if (description == null || description.isEmpty()) {
            problems.add(problem("description", "need.description.required"));
        } else if (description.length() > 1000) {
            problems.add(problem("description", "need.field.tooLong", 1000));
        }
        Long quantity = wholeNumber(form.quantity());
        if (quantity == null || quantity < 1 || quantity > 1_000_000) {
            problems.add(problem("quantity", "need.quantity.invalid"));
        }
        String unitOfMeasure = VietnameseText.clean(form.unit());
        if (unitOfMeasure == null || unitOfMeasure.isEmpty()) {
            problems.add(problem("unit", "need.unitOfMeasure.required"));
        } else if (unitOfMeasure.length() > 40) {
            problems.add(problem("unit", "need.field.tooLong", 40));
        }
        Long unitCost = dong(form.unitCost());
        if (unitCost == null || unitCost < 1 || unitCost > MAX_UNIT_COST) {
            problems.add(problem("unitCost", "need.unitCost.invalid"));
        }
        Long year = trimmed(form.year()).isEmpty() ? Long.valueOf(today.getYear()) : wholeNumber(form.year());
        if (year == null || year < today.getYear() - 1 || year > today.getYear() + 5) {
            problems.add(problem(
                    "year",
                    "need.year.invalid",
                    Integer.toString(today.getYear() - 1),
                    Integer.toString(today.getYear() + 5)));
        }
        String season = VietnameseText.clean(form.season());
        if (season != null && season.isEmpty()) {
            season = null;
        }
        LocalDate neededBy = null;
        if (!trimmed(form.neededBy()).isEmpty()) {
            try {
                neededBy = LocalDate.parse(trimmed(form.neededBy()));
                if (neededBy.isBefore(today)) {
                    problems.add(problem("neededBy", "need.neededBy.past"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(problem("neededBy", "need.neededBy.invalid"));
            }
        }
        if (season == null && trimmed(form.neededBy()).isEmpty()) {
            problems.add(problem("season", "need.season.orDateRequired"));
        } else if (season != null && season.length() > 60) {
            problems.add(problem("season", "need.field.tooLong", 60));
        }
        Priority priority =
                trimmed(form.priority()).isEmpty() ? Priority.MEDIUM : enumValue(Priority.class, form.priority());
        if (priority == null) {
            problems.add(problem("priority", "need.priority.invalid"));
        }
        Long served = wholeNumber(form.childrenServed());
        if (target == NeedTarget.CHILD) {
            if (!trimmed(form.childrenServed()).isEmpty() && (served == null || served != 1)) {
                problems.add(problem("childrenServed", "need.childrenServed.oneForAChild"));
            }
            served = 1L;
        } else if (served == null || served < 1 || served > 100_000) {
            problems.add(problem("childrenServed", "need.childrenServed.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidNeedInput(problems);
        }
        OrgUnitView commune = unit.isCommune() ? unit : organisation.get(unit.parentCode(), today);
        String provinceCode = organisation.ancestors(commune.code(), today).stream()
                .filter(u -> u.level() == 1)
                .map(OrgUnitView::code)
                .findFirst()
                .orElse(commune.parentCode());
        return new NeedDetails(
                target,
                childId,
                unit.code(),
                commune.code(),
                provinceCode,
                school,
                category,
                description,
                quantity.intValue(),
                unitOfMeasure,
                new Vnd(unitCost),
                year.intValue(),
                season,
                neededBy,
                priority,
                served.intValue(),
                unit.isVillage() ? VietnameseText.fold(unit.fullName()) : "",
                VietnameseText.fold(commune.fullName()));
    }

    /** A whole number as typed, or null when it is not one. */
    static Long wholeNumber(String text) {
        String value = trimmed(text);
        if (!value.matches("\\d{1,12}")) {
            return null;
        }
        return Long.parseLong(value);
    }

    /** Whole đồng as typed: {@code 150000}, {@code 150.000}, {@code 150,000} or {@code 150 000 đ}; null otherwise. */
    static Long dong(String text) {
        String value = trimmed(text).replaceAll("(?iu)\\s*(₫|đ|vnd|đồng)$", "");
        if (value.matches("\\d{1,3}([.,\\s]\\d{3})+")) {
            value = value.replaceAll("[.,\\s]", "");
        }
        return wholeNumber(value);
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

    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    static InvalidNeedInput.Problem problem(String field, String key, Object... arguments) {
        return new InvalidNeedInput.Problem(field, key, List.of(arguments));
    }
}
