package vn.chungtay.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.notification.OutgoingMail;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;
import vn.chungtay.supervision.internal.EvidenceRules;
import vn.chungtay.supervision.internal.RecommendationMails;
import vn.chungtay.supervision.internal.SupervisionStore;

/**
 * Supervision plans, visits, recommendations and their follow-up. Supervisors, province officers
 * and administrators plan and record visits for units within their scope and issue
 * recommendations; the responsible unit is told by e-mail (through the outbox, in the same
 * transaction) at its contact address, and its officers record the follow-up with evidence.
 * OVERDUE is computed from the due date and today.
 */
@Service
@Transactional(readOnly = true)
public class SupervisionManagement {

    static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SupervisionStore store;
    private final OrganisationManagement organisation;
    private final MailOutbox outbox;
    private final RecommendationMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    SupervisionManagement(
            SupervisionStore store,
            OrganisationManagement organisation,
            MailOutbox outbox,
            RecommendationMails mails,
            ApplicationEventPublisher events,
            Optional<Clock> clock,
            @Value("${chungtay.notification.base-url:http://localhost:8080}") String baseUrl) {
        this.store = store;
        this.organisation = organisation;
        this.outbox = outbox;
        this.mails = mails;
        this.events = events;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public LocalDate today() {
        return organisation.today();
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Plans the actor may see (supervising or supervised within their scope), latest planned first. */
    public Page<PlanView> plans(int page, int size) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        int pageSize = Math.min(Math.max(size, 1), 200);
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (!actor.isNational()) {
            where.append(" and ").append(SupervisionStore.PLAN_IN_SCOPE);
            params.put("scope", actor.scopeCode());
        }
        SupervisionStore.Found found =
                store.searchPlans(where.toString(), params, pageSize, Page.offset(page, pageSize));
        return new Page<>(store.plans(found.ids()), Math.max(page, 0), pageSize, found.total());
    }

    public PlanView plan(PlanId id) {
        PlanView plan = loadPlan(id);
        requireReadable(CurrentActor.get(), plan);
        return plan;
    }

    public List<VisitView> visits(PlanId id) {
        plan(id);
        return store.visits(id.value());
    }

    /** The plan's recommendations the actor may see: all for its planners, those addressed within their scope for others. */
    public List<RecommendationView> recommendations(PlanId id) {
        PlanView plan = plan(id);
        Actor actor = CurrentActor.get();
        return store.recommendationsOfPlan(id.value()).stream()
                .filter(r -> canPlan(actor, plan.supervisingUnit()) || organisation.covers(actor, r.responsibleUnit()))
                .toList();
    }

    public RecommendationView recommendation(RecommendationId id) {
        RecommendationView recommendation =
                store.recommendation(id.value()).orElseThrow(() -> new SupervisionNotFound("recommendation", id));
        requireReadable(CurrentActor.get(), recommendation);
        return recommendation;
    }

    public List<FollowUpView> followUps(RecommendationId id) {
        recommendation(id);
        return store.followUps(id.value());
    }

    public EvidenceContent evidence(RecommendationId id, long followUpId) {
        recommendation(id);
        return store.evidence(id.value(), followUpId)
                .orElseThrow(() -> new SupervisionNotFound("evidence", id + "/" + followUpId));
    }

    /**
     * Recommendations within the actor's scope with the status on today (OVERDUE computed), soonest
     * due first; null status means all. Planners see those of plans they supervise or are in;
     * others those addressed within their scope.
     */
    public List<RecommendationView> recommendations(FollowUpStatus status, int limit) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (!actor.isNational()) {
            where.append(
                    isPlanner(actor)
                            ? " and (" + SupervisionStore.PLAN_IN_SCOPE + " or "
                                    + SupervisionStore.RECOMMENDATION_IN_SCOPE + ")"
                            : " and " + SupervisionStore.RECOMMENDATION_IN_SCOPE);
            params.put("scope", actor.scopeCode());
        }
        if (status != null) {
            params.put("today", today());
            switch (status) {
                case OVERDUE -> where.append(" and r.status <> 'DONE' and r.due_date < :today");
                case DONE -> where.append(" and r.status = 'DONE'");
                default -> {
                    where.append(" and r.status = :status and r.due_date >= :today");
                    params.put("status", status.name());
                }
            }
        }
        return store.searchRecommendations(where.toString(), params, Math.min(Math.max(limit, 1), 1000));
    }

    /** The overdue list for the supervising level (and for the units responsible). */
    public List<RecommendationView> overdue() {
        return recommendations(FollowUpStatus.OVERDUE, 1000);
    }

    /** Contact addresses of the units that have one. */
    public Map<String, String> contacts(List<String> unitCodes) {
        requireReader(CurrentActor.get());
        return store.contacts(unitCodes);
    }

    // ---- planning and visits -----------------------------------------------------------------

    /** Makes a plan; the supervised units lie within the supervising unit, all within the actor's scope. */
    @Transactional
    public PlanView createPlan(PlanForm form) {
        Actor actor = CurrentActor.get();
        if (!isPlanner(actor)) {
            throw new OutsideScope(actor.username() + " may not plan supervision");
        }
        LocalDate today = today();
        List<InvalidSupervisionInput.Problem> problems = new ArrayList<>();
        String subject = required(form.subject(), "subject", 300, problems);
        String members = required(form.members(), "members", 1000, problems);
        String notes = optional(form.notes(), "notes", 2000, problems);
        LocalDate from = date(form.plannedFrom(), "plannedFrom", problems);
        LocalDate to = date(form.plannedTo(), "plannedTo", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(problem("plannedTo", "supervision.plan.endsBeforeStart"));
        }
        String supervisingCode = trimmed(form.supervisingUnit()).isEmpty()
                ? trimmed(actor.scopeCode())
                : trimmed(form.supervisingUnit());
        OrgUnitView supervising = supervisingCode.isEmpty()
                ? null
                : organisation.find(supervisingCode, today).orElse(null);
        if (supervising == null) {
            problems.add(problem("supervisingUnit", "supervision.unit.unknown", supervisingCode));
        } else if (!canPlan(actor, supervising.code())) {
            throw new OutsideScope(actor.username() + " may not plan supervision by " + supervising.code());
        }
        Map<String, String> supervised = new LinkedHashMap<>();
        Set<String> codes = new LinkedHashSet<>();
        form.supervisedUnits().forEach(c -> codes.add(c.trim()));
        if (codes.isEmpty()) {
            problems.add(problem("supervisedUnits", "supervision.plan.unitsRequired"));
        } else if (codes.size() > 200) {
            problems.add(problem("supervisedUnits", "supervision.plan.tooManyUnits", 200));
        } else if (supervising != null) {
            for (String code : codes) {
                Optional<OrgUnitView> unit = organisation.find(code, today);
                if (unit.isEmpty()) {
                    problems.add(problem("supervisedUnits", "supervision.unit.unknown", code));
                } else if (code.equals(supervising.code()) || !organisation.isWithin(code, supervising.code(), today)) {
                    problems.add(problem(
                            "supervisedUnits",
                            "supervision.plan.unitNotWithin",
                            unit.get().fullName(),
                            supervising.fullName()));
                } else {
                    supervised.put(code, provinceOf(code));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSupervisionInput(problems);
        }
        long id = store.insertPlan(
                new SupervisionStore.NewPlan(
                        subject,
                        supervising.code(),
                        provinceOf(supervising.code()),
                        supervised,
                        from,
                        to,
                        members,
                        notes),
                actor.username(),
                Instant.now(clock));
        PlanView plan = store.plan(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subject", subject);
        after.put("supervisingUnit", plan.supervisingUnit());
        after.put("supervisedUnits", plan.supervisedUnits());
        after.put("plannedFrom", from.toString());
        after.put("plannedTo", to.toString());
        after.put("members", members);
        events.publishEvent(new PlanCreated(Long.toString(id), plan.supervisingUnit(), null, after));
        return plan;
    }

    /** Records a visit to one of the plan's supervised units, with its findings. */
    @Transactional
    public VisitView recordVisit(PlanId planId, VisitForm form) {
        Actor actor = CurrentActor.get();
        PlanView plan = loadPlan(planId);
        requirePlanner(actor, plan);
        List<InvalidSupervisionInput.Problem> problems = new ArrayList<>();
        String unit = trimmed(form.unitCode());
        if (!plan.supervisedUnits().contains(unit)) {
            problems.add(problem("unitCode", "supervision.visit.unitNotInPlan"));
        }
        LocalDate date = date(form.date(), "date", problems);
        if (date != null && date.isAfter(today())) {
            problems.add(problem("date", "supervision.date.future"));
        }
        String members = optional(form.members(), "members", 1000, problems);
        String findings = required(form.findings(), "findings", 4000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSupervisionInput(problems);
        }
        long id = store.insertVisit(
                planId.value(),
                unit,
                date,
                members == null ? plan.members() : members,
                findings,
                actor.username(),
                Instant.now(clock));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("planId", planId.value());
        after.put("unitCode", unit);
        after.put("date", date.toString());
        after.put("findings", findings);
        events.publishEvent(new VisitRecorded(Long.toString(id), unit, null, after));
        return store.visit(id).orElseThrow();
    }

    /**
     * Issues a recommendation to a supervised unit (or a village of one) and writes the e-mail that
     * tells the unit to the outbox, at the unit's contact address (for a village without one, its
     * commune's). Without an address the recommendation is issued and shows it was not sent.
     */
    @Transactional
    public RecommendationView issue(PlanId planId, RecommendationForm form) {
        Actor actor = CurrentActor.get();
        PlanView plan = loadPlan(planId);
        requirePlanner(actor, plan);
        LocalDate today = today();
        List<InvalidSupervisionInput.Problem> problems = new ArrayList<>();
        VisitView visit = null;
        if (!trimmed(form.visitId()).isEmpty()) {
            visit = trimmed(form.visitId()).matches("\\d{1,18}")
                    ? store.visit(Long.parseLong(trimmed(form.visitId())))
                            .filter(v -> v.planId().equals(planId))
                            .orElse(null)
                    : null;
            if (visit == null) {
                problems.add(problem("visitId", "supervision.recommendation.visitNotInPlan"));
            }
        }
        String unitCode = trimmed(form.responsibleUnit());
        OrgUnitView unit =
                unitCode.isEmpty() ? null : organisation.find(unitCode, today).orElse(null);
        if (unitCode.isEmpty()) {
            problems.add(problem("responsibleUnit", "supervision.recommendation.unitRequired"));
        } else if (unit == null) {
            problems.add(problem("responsibleUnit", "supervision.unit.unknown", unitCode));
        } else if (plan.supervisedUnits().stream()
                .noneMatch(s -> s.equals(unitCode) || organisation.isWithin(unitCode, s, today))) {
            problems.add(problem("responsibleUnit", "supervision.recommendation.unitNotSupervised", unit.fullName()));
        }
        String content = required(form.content(), "content", 2000, problems);
        LocalDate issuedOn = visit != null ? visit.date() : today;
        LocalDate due = date(form.dueDate(), "dueDate", problems);
        if (due != null && due.isBefore(issuedOn)) {
            problems.add(problem("dueDate", "supervision.recommendation.dueBeforeIssue", issuedOn.format(DAY)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSupervisionInput(problems);
        }
        String commune = unit.isVillage() ? unit.parentCode() : unit.isCommune() ? unit.code() : null;
        long id = store.insertRecommendation(
                new SupervisionStore.NewRecommendation(
                        planId.value(),
                        visit == null ? null : visit.id(),
                        unit.code(),
                        commune,
                        provinceOf(unit.code()),
                        content,
                        issuedOn,
                        due),
                actor.username(),
                Instant.now(clock));
        Optional<String> address = store.contact(unit.code())
                .or(() -> commune != null && !commune.equals(unit.code()) ? store.contact(commune) : Optional.empty());
        if (address.isPresent()) {
            String supervisingName = organisation
                    .find(plan.supervisingUnit(), today)
                    .map(OrgUnitView::fullName)
                    .orElse(plan.supervisingUnit());
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("unitName", unit.fullName());
            variables.put("supervisingName", supervisingName);
            variables.put("subject", plan.subject());
            variables.put("content", content);
            variables.put("dueDate", due.format(DAY));
            variables.put("url", baseUrl + "/supervision/recommendations/" + id);
            RecommendationMails.Rendered mail = mails.recommendation(variables);
            long mailId = outbox.enqueue(new OutgoingMail(address.get(), mail.subject(), mail.html(), mail.text()));
            store.markNotified(id, address.get(), mailId);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("planId", planId.value());
        after.put("responsibleUnit", unit.code());
        after.put("content", content);
        after.put("issuedOn", issuedOn.toString());
        after.put("dueDate", due.toString());
        after.put("notifiedEmail", address.orElse(null));
        events.publishEvent(new RecommendationIssued(Long.toString(id), unit.code(), null, after));
        return store.recommendation(id).orElseThrow();
    }

    /**
     * The responsible unit records where a recommendation stands — IN_PROGRESS, DONE (or OPEN
     * again) — with what was done and an optional evidence file (PDF, JPEG or PNG, at most 10 MB).
     */
    @Transactional
    public RecommendationView followUp(RecommendationId id, FollowUpForm form, Evidence evidence) {
        Actor actor = CurrentActor.get();
        RecommendationView recommendation =
                store.lockRecommendation(id.value()).orElseThrow(() -> new SupervisionNotFound("recommendation", id));
        if (!canFollowUp(actor, recommendation)) {
            throw new OutsideScope(actor.username() + " may not follow up recommendation " + id);
        }
        List<InvalidSupervisionInput.Problem> problems = new ArrayList<>();
        FollowUpStatus status = null;
        String raw = trimmed(form.status()).toUpperCase(Locale.ROOT);
        for (FollowUpStatus s : List.of(FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE)) {
            if (s.name().equals(raw)) {
                status = s;
            }
        }
        if (status == null) {
            problems.add(problem("status", "supervision.followUp.statusInvalid"));
        }
        String note = required(form.note(), "note", 2000, problems);
        String contentType = null;
        String filename = null;
        String sha256 = null;
        byte[] bytes = null;
        if (evidence != null && !evidence.isEmpty()) {
            if (evidence.content().length > EvidenceRules.MAX_BYTES) {
                problems.add(
                        problem("evidence", "supervision.evidence.tooLarge", EvidenceRules.MAX_BYTES / (1024 * 1024)));
            } else {
                contentType = EvidenceRules.contentType(evidence.content()).orElse(null);
                if (contentType == null) {
                    problems.add(problem("evidence", "supervision.evidence.notAccepted"));
                } else {
                    bytes = evidence.content();
                    filename = EvidenceRules.filename(evidence.filename(), contentType);
                    sha256 = EvidenceRules.sha256(bytes);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSupervisionInput(problems);
        }
        LocalDate today = today();
        Instant now = Instant.now(clock);
        store.insertFollowUp(id.value(), status, note, filename, contentType, bytes, sha256, actor.username(), now);
        store.setStatus(id.value(), status, status == FollowUpStatus.DONE ? today : null);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", recommendation.recordedStatus().name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("note", note);
        after.put("evidenceFile", filename);
        after.put("evidenceSha256", sha256);
        events.publishEvent(new FollowUpRecorded(id.toString(), recommendation.responsibleUnit(), before, after));
        return store.recommendation(id.value()).orElseThrow();
    }

    /** Sets the address a unit is told of recommendations at (planners of the unit, or its own officers). */
    @Transactional
    public UnitContact setContact(String unitCode, String email) {
        Actor actor = CurrentActor.get();
        String code = trimmed(unitCode);
        OrgUnitView unit = organisation
                .find(code, today())
                .orElseThrow(() -> InvalidSupervisionInput.of("unitCode", "supervision.unit.unknown", code));
        if (!canPlan(actor, unit.code()) && !(actor.canManage() && organisation.covers(actor, unit.code()))) {
            throw new OutsideScope(actor.username() + " may not set the contact of " + unit.code());
        }
        String address = trimmed(email);
        if (address.isEmpty()
                || address.length() > 254
                || !EMAIL.matcher(address).matches()) {
            throw InvalidSupervisionInput.of("email", "supervision.contact.emailInvalid");
        }
        Optional<String> before = store.contact(unit.code());
        store.setContact(unit.code(), address, actor.username(), Instant.now(clock));
        Map<String, Object> previous = new LinkedHashMap<>();
        previous.put("email", before.orElse(null));
        events.publishEvent(new UnitContactChanged(unit.code(), unit.code(), previous, Map.of("email", address)));
        return new UnitContact(unit.code(), address);
    }

    // ---- who may do what ---------------------------------------------------------------------

    /** Supervisors, province officers and administrators plan and visit; for units within their scope. */
    public boolean canPlan(Actor actor, String unitCode) {
        return isPlanner(actor) && organisation.covers(actor, unitCode);
    }

    /** Officers of the responsible unit (or above it) record the follow-up. */
    public boolean canFollowUp(Actor actor, RecommendationView recommendation) {
        return actor.canManage() && organisation.covers(actor, recommendation.responsibleUnit());
    }

    private static boolean isPlanner(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(Role.PROVINCE_OFFICER) || actor.has(Role.SUPERVISOR);
    }

    private void requirePlanner(Actor actor, PlanView plan) {
        if (!canPlan(actor, plan.supervisingUnit())) {
            throw new OutsideScope(actor.username() + " may not record visits of plan " + plan.id());
        }
    }

    private static void requireReader(Actor actor) {
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read supervision records");
        }
    }

    private void requireReadable(Actor actor, PlanView plan) {
        requireReader(actor);
        boolean covered = organisation.covers(actor, plan.supervisingUnit())
                || plan.supervisedUnits().stream().anyMatch(u -> organisation.covers(actor, u));
        if (!covered) {
            throw new OutsideScope(actor.username() + " may not read supervision plan " + plan.id());
        }
    }

    private void requireReadable(Actor actor, RecommendationView recommendation) {
        requireReader(actor);
        if (organisation.covers(actor, recommendation.responsibleUnit())) {
            return;
        }
        PlanView plan = loadPlan(recommendation.planId());
        if (!canPlan(actor, plan.supervisingUnit())) {
            throw new OutsideScope(actor.username() + " may not read recommendation " + recommendation.id());
        }
    }

    private PlanView loadPlan(PlanId id) {
        return store.plan(id.value()).orElseThrow(() -> new SupervisionNotFound("plan", id));
    }

    private String provinceOf(String code) {
        return organisation.ancestors(code, today()).stream()
                .filter(u -> u.level() == 1)
                .map(OrgUnitView::code)
                .findFirst()
                .orElse(code.length() == 2 ? code : null);
    }

    // ---- checking input ----------------------------------------------------------------------

    private static String required(String raw, String field, int max, List<InvalidSupervisionInput.Problem> problems) {
        String value = VietnameseText.clean(raw);
        if (value == null || value.isEmpty()) {
            problems.add(problem(field, "supervision." + field + ".required"));
            return null;
        }
        if (value.length() > max) {
            problems.add(problem(field, "supervision.field.tooLong", max));
        }
        return value;
    }

    private static String optional(String raw, String field, int max, List<InvalidSupervisionInput.Problem> problems) {
        String value = VietnameseText.clean(raw);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            problems.add(problem(field, "supervision.field.tooLong", max));
        }
        return value;
    }

    private static LocalDate date(String raw, String field, List<InvalidSupervisionInput.Problem> problems) {
        String value = trimmed(raw);
        if (value.isEmpty()) {
            problems.add(problem(field, "supervision.date.required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST)) {
                problems.add(problem(field, "supervision.date.tooEarly", "01/01/" + EARLIEST.getYear()));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(problem(field, "supervision.date.invalid"));
            return null;
        }
    }

    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    static InvalidSupervisionInput.Problem problem(String field, String key, Object... arguments) {
        return new InvalidSupervisionInput.Problem(field, key, List.of(arguments));
    }
}
