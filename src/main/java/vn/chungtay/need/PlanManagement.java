package vn.chungtay.need;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.need.internal.Need;
import vn.chungtay.need.internal.NeedRepository;
import vn.chungtay.need.internal.Plan;
import vn.chungtay.need.internal.PlanRepository;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * A commune's yearly plan (kế hoạch): its needs of the year with totals per category. The commune
 * submits it (its drafts are submitted with it); the province approves it (its submitted needs
 * are approved with it) or returns it with comments. Approved plans are what donors see.
 */
@Service
@Transactional(readOnly = true)
public class PlanManagement {

    private final PlanRepository plans;
    private final NeedRepository needs;
    private final NeedManagement needManagement;
    private final OrganisationManagement organisation;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanManagement(
            PlanRepository plans,
            NeedRepository needs,
            NeedManagement needManagement,
            OrganisationManagement organisation,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.plans = plans;
        this.needs = needs;
        this.needManagement = needManagement;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Opens the plan of a commune for a year (one per commune and year). */
    @Transactional
    public PlanView open(String communeCode, Integer year) {
        Actor actor = CurrentActor.get();
        LocalDate today = organisation.today();
        if (communeCode == null || communeCode.isBlank()) {
            throw InvalidNeedInput.of("communeCode", "plan.commune.required");
        }
        OrgUnitView commune = organisation.find(communeCode.trim(), today).orElse(null);
        if (commune == null || !commune.isCommune()) {
            throw InvalidNeedInput.of("communeCode", "plan.commune.notACommune", communeCode);
        }
        organisation.requireManageable(actor, commune.code());
        int planYear = year == null ? today.getYear() : year;
        if (planYear < today.getYear() - 1 || planYear > today.getYear() + 5) {
            throw InvalidNeedInput.of(
                    "year",
                    "need.year.invalid",
                    Integer.toString(today.getYear() - 1),
                    Integer.toString(today.getYear() + 5));
        }
        if (plans.findByCommuneCodeAndYear(commune.code(), planYear).isPresent()) {
            throw new NeedRuleViolated(
                    "onePlanPerCommuneAndYear", "plan.rule.onePlanPerCommuneAndYear", Integer.toString(planYear));
        }
        String province = organisation.ancestors(commune.code(), today).stream()
                .filter(u -> u.level() == 1)
                .map(OrgUnitView::code)
                .findFirst()
                .orElse(commune.parentCode());
        Plan plan =
                plans.saveAndFlush(Plan.open(commune.code(), province, planYear, actor.username(), Instant.now(clock)));
        events.publishEvent(new PlanCreated(new PlanId(plan.getId()), commune.code(), null, plan.auditState()));
        return view(plan);
    }

    /** The commune submits its plan; every draft need of the year is submitted with it. */
    @Transactional
    public PlanView submit(PlanId id) {
        Actor actor = CurrentActor.get();
        Plan plan = load(id);
        organisation.requireManageable(actor, plan.getCommuneCode());
        List<Need> ofYear = needs.findByCommuneCodeAndYear(plan.getCommuneCode(), plan.getYear());
        if (ofYear.stream().allMatch(n -> n.getStatus() == NeedStatus.CANCELLED)) {
            throw new NeedRuleViolated("planNeedsAtLeastOneNeed", "plan.rule.planNeedsAtLeastOneNeed");
        }
        Map<String, Object> before = plan.auditState();
        plan.submit(actor.username(), Instant.now(clock));
        for (Need need : ofYear) {
            if (need.getStatus() == NeedStatus.DRAFT && !need.isSubmitted()) {
                Map<String, Object> needBefore = need.auditState();
                need.submit();
                events.publishEvent(new NeedSubmitted(
                        new NeedId(need.getId()), need.getCommuneCode(), needBefore, need.auditState()));
            }
        }
        return decided(plan, new PlanSubmitted(id, plan.getCommuneCode(), before, plan.auditState()));
    }

    /** The province approves a submitted plan; its submitted needs are approved with it. */
    @Transactional
    public PlanView approve(PlanId id, String comment) {
        Actor actor = CurrentActor.get();
        Plan plan = load(id);
        needManagement.requireApprover(actor, plan.getCommuneCode());
        Map<String, Object> before = plan.auditState();
        plan.approve(actor.username(), comment, Instant.now(clock));
        for (Need need : needs.findByCommuneCodeAndYear(plan.getCommuneCode(), plan.getYear())) {
            if (need.getStatus() == NeedStatus.DRAFT && need.isSubmitted()) {
                Map<String, Object> needBefore = need.auditState();
                need.approve();
                events.publishEvent(new NeedApproved(
                        new NeedId(need.getId()), need.getCommuneCode(), needBefore, need.auditState()));
            }
        }
        return decided(plan, new PlanApproved(id, plan.getCommuneCode(), before, plan.auditState()));
    }

    /** The province returns a submitted plan with comments; its submitted drafts go back to the commune. */
    @Transactional
    public PlanView returnToCommune(PlanId id, String comment) {
        Actor actor = CurrentActor.get();
        Plan plan = load(id);
        needManagement.requireApprover(actor, plan.getCommuneCode());
        Map<String, Object> before = plan.auditState();
        plan.returnWith(actor.username(), comment, Instant.now(clock));
        for (Need need : needs.findByCommuneCodeAndYear(plan.getCommuneCode(), plan.getYear())) {
            if (need.getStatus() == NeedStatus.DRAFT && need.isSubmitted()) {
                Map<String, Object> needBefore = need.auditState();
                need.returnToCommune();
                events.publishEvent(new NeedUpdated(
                        new NeedId(need.getId()), need.getCommuneCode(), needBefore, need.auditState()));
            }
        }
        return decided(plan, new PlanReturned(id, plan.getCommuneCode(), before, plan.auditState()));
    }

    private PlanView decided(Plan plan, PlanChange event) {
        plans.flush();
        needs.flush();
        events.publishEvent(event);
        return view(plan);
    }

    public PlanView get(PlanId id) {
        Plan plan = load(id);
        requireReadable(CurrentActor.get(), plan.getCommuneCode());
        return view(plan);
    }

    public Optional<PlanView> find(String communeCode, int year) {
        requireReadable(CurrentActor.get(), communeCode);
        return plans.findByCommuneCodeAndYear(communeCode, year).map(this::view);
    }

    /** Plans within the actor's scope, filtered by commune and year when given, newest year first. */
    public List<PlanView> list(String communeCode, Integer year) {
        Actor actor = CurrentActor.get();
        NeedManagement.requireReader(actor);
        StringBuilder sql = new StringBuilder("select id from need_plan where true");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (!actor.isNational()) {
            sql.append(" and (province_code = :scope or commune_code = :scope)");
            params.put("scope", actor.scopeCode());
        }
        if (communeCode != null && !communeCode.isBlank()) {
            sql.append(" and commune_code = :commune");
            params.put("commune", communeCode.trim());
        }
        if (year != null) {
            sql.append(" and year = :year");
            params.put("year", year);
        }
        List<Long> ids = jdbc.sql(sql + " order by year desc, commune_code limit 500")
                .params(params)
                .query(Long.class)
                .list();
        return ids.stream().map(i -> view(plans.findById(i).orElseThrow())).toList();
    }

    private void requireReadable(Actor actor, String communeCode) {
        NeedManagement.requireReader(actor);
        if (!organisation.covers(actor, communeCode)) {
            throw new vn.chungtay.shared.security.OutsideScope(
                    actor.username() + " may not read plans of " + communeCode);
        }
    }

    private Plan load(PlanId id) {
        return plans.findById(id.value()).orElseThrow(() -> new NeedNotFound("plan " + id));
    }

    private PlanView view(Plan plan) {
        String name = organisation
                .find(plan.getCommuneCode(), organisation.today())
                .map(OrgUnitView::fullName)
                .orElse(plan.getCommuneCode());
        return new PlanView(
                new PlanId(plan.getId()),
                plan.getCommuneCode(),
                name,
                plan.getProvinceCode(),
                plan.getYear(),
                plan.getStatus(),
                plan.getComment(),
                plan.getSubmittedBy(),
                plan.getSubmittedAt(),
                plan.getDecidedBy(),
                plan.getDecidedAt(),
                totals(plan.getCommuneCode(), plan.getYear()));
    }

    /** Totals per category of a commune's needs of a year, cancelled needs left out. */
    List<PlanView.CategoryTotal> totals(String communeCode, int year) {
        return totals(jdbc, communeCode, year);
    }

    /** The same totals for the public read model, which has no plan service of its own. */
    static List<PlanView.CategoryTotal> totals(JdbcClient jdbc, String communeCode, int year) {
        return jdbc.sql("""
                        select c.code, c.name_vi, c.name_en, count(n.id), coalesce(sum(n.children_served), 0),
                               coalesce(sum(n.total_dong), 0), coalesce(sum(n.funded_dong), 0)
                        from need n join support_category c on c.code = n.category_code
                        where n.commune_code = :commune and n.year = :year and n.status <> 'CANCELLED'
                        group by c.code, c.name_vi, c.name_en, c.created_at
                        order by c.created_at, c.code""")
                .param("commune", communeCode)
                .param("year", year)
                .query((rs, n) -> new PlanView.CategoryTotal(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        new Vnd(rs.getLong(6)),
                        new Vnd(rs.getLong(7))))
                .list();
    }
}
