package vn.chungtay.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ChildView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.privacy.internal.AccessWorkbook;
import vn.chungtay.privacy.internal.PrivacyBreaches;
import vn.chungtay.privacy.internal.PrivacyRequests;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Data-subject requests of a child's guardian and the breach register. Requests are handled by the
 * officers whose scope covers the child's commune; every step is audited (never with a name), and
 * deletion and objection are honoured through {@link ChildManagement}. Breaches are recorded by
 * administrators and province officers, with the 72-hour notification deadline.
 */
@Service
@Transactional(readOnly = true)
public class PrivacyManagement {

    private static final Logger log = LoggerFactory.getLogger(PrivacyManagement.class);
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PrivacyRequests requests;
    private final PrivacyBreaches breaches;
    private final AccessWorkbook workbook;
    private final ChildManagement children;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int requestDays;

    PrivacyManagement(
            PrivacyRequests requests,
            PrivacyBreaches breaches,
            AccessWorkbook workbook,
            ChildManagement children,
            OrganisationManagement organisation,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${chungtay.privacy.request-days:30}") int requestDays) {
        if (requestDays < 1) {
            throw new IllegalArgumentException("chungtay.privacy.request-days must be positive: " + requestDays);
        }
        this.requests = requests;
        this.breaches = breaches;
        this.workbook = workbook;
        this.children = children;
        this.organisation = organisation;
        this.events = events;
        this.clock = clock;
        this.requestDays = requestDays;
    }

    public LocalDate today() {
        return organisation.today();
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(VIETNAM));
    }

    /** The days a request must be answered in ({@code chungtay.privacy.request-days}). */
    public int requestDays() {
        return requestDays;
    }

    /** The due date of a request received on the given day. */
    public LocalDate dueDate(LocalDate receivedOn) {
        return receivedOn.plusDays(requestDays);
    }

    // ---- data-subject requests -------------------------------------------------------------

    /**
     * Records a request. The child is read through the registry (scope-checked and audited); the
     * requester's name is stored with the request and never logged.
     */
    @Transactional
    public DataSubjectRequest receive(RequestForm form) {
        Actor actor = CurrentActor.get();
        requireOfficer(actor);
        LocalDate today = today();
        RequestKind kind = parse(RequestKind.class, form.kind(), "kind");
        RequestChannel channel = parse(RequestChannel.class, form.channel(), "channel");
        if (form.childId() == null || form.childId() <= 0) {
            throw new InvalidPrivacyInput("childId", "privacy.error.child");
        }
        LocalDate receivedOn = receivedOn(form.receivedOn(), today);
        String name = required(form.requesterName(), "requesterName", 200);
        String relationship = required(form.requesterRelationship(), "requesterRelationship", 100);
        String details = optional(form.details(), "details", 2000);
        ChildView child = children.read(form.childId(), "privacy request " + kind.name());
        if (!organisation.covers(actor, child.communeCode())) {
            throw new OutsideScope(actor.username() + " may not handle requests of " + child.communeCode());
        }
        long id = requests.insert(new PrivacyRequests.NewRequest(
                kind,
                child.id(),
                child.communeCode(),
                receivedOn,
                channel,
                name,
                relationship,
                details,
                dueDate(receivedOn),
                actor.username()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind.name());
        after.put("childId", child.id());
        after.put("channel", channel.name());
        after.put("receivedOn", receivedOn.toString());
        after.put("dueOn", dueDate(receivedOn).toString());
        after.put("status", RequestStatus.RECEIVED.name());
        events.publishEvent(new PrivacyRequestChanged("RECEIVE", new RequestId(id), child.communeCode(), null, after));
        log.info("Privacy request {} ({}) received by {}", id, kind, actor.username());
        return requests.find(id, today, false).orElseThrow();
    }

    /** A request, for an officer of the child's commune (audited: it names the guardian). */
    @Transactional
    public DataSubjectRequest get(RequestId id) {
        Actor actor = CurrentActor.get();
        DataSubjectRequest request = visible(actor, id, false);
        events.publishEvent(new PrivacyRequestChanged("READ", id, request.communeCode(), null, Map.of()));
        return request;
    }

    /** The requests of the actor's scope: overdue first, then open ones by due date, then finished. */
    public Page<DataSubjectRequest> list(boolean overdueOnly, int page, int size) {
        Actor actor = CurrentActor.get();
        requireOfficer(actor);
        List<String> communes = communesOf(actor);
        LocalDate today = today();
        int limit = Math.min(Math.max(size, 1), 200);
        long total = requests.count(communes, overdueOnly, today);
        return new Page<>(
                requests.list(communes, overdueOnly, today, Page.offset(page, limit), limit),
                Math.max(page, 0),
                limit,
                total);
    }

    /** The open requests of the actor's scope past their due date. */
    public List<DataSubjectRequest> overdue() {
        return list(true, 0, 200).items();
    }

    /** RECEIVED → IN_PROGRESS. */
    @Transactional
    public DataSubjectRequest start(RequestId id) {
        Actor actor = CurrentActor.get();
        DataSubjectRequest request = visible(actor, id, true);
        requireStatus(request, RequestStatus.RECEIVED);
        return step(request, "START", RequestStatus.IN_PROGRESS, null, null);
    }

    /**
     * IN_PROGRESS → DONE. A deletion erases the child's personal data, an objection withdraws all
     * consent, both through the child registry in this same transaction.
     */
    @Transactional
    public DataSubjectRequest complete(RequestId id, String note) {
        Actor actor = CurrentActor.get();
        DataSubjectRequest request = visible(actor, id, true);
        requireStatus(request, RequestStatus.IN_PROGRESS);
        String outcome = optional(note, "outcome", 2000);
        Map<String, Object> extra = new LinkedHashMap<>();
        switch (request.kind()) {
            case DELETION -> {
                ChildView erased = children.erase(request.childId());
                extra.put("childStatus", erased.status().name());
            }
            case OBJECTION -> {
                ChildView withdrawn = children.withdrawConsent(request.childId(), null);
                extra.put("childStatus", withdrawn.status().name());
            }
            default -> {}
        }
        return step(request, "DONE", RequestStatus.DONE, outcome, extra);
    }

    /** RECEIVED or IN_PROGRESS → REFUSED, with the reason given to the guardian. */
    @Transactional
    public DataSubjectRequest refuse(RequestId id, String reason) {
        Actor actor = CurrentActor.get();
        DataSubjectRequest request = visible(actor, id, true);
        if (!request.status().open()) {
            throw new InvalidPrivacyInput("status", "privacy.error.transition");
        }
        String why = required(reason, "reason", 2000);
        return step(request, "REFUSE", RequestStatus.REFUSED, why, null);
    }

    /**
     * The copy of the child's record for an ACCESS request, as XLSX: the child is read through the
     * registry (audited there) and the export is audited here.
     */
    @Transactional
    public AccessExport accessExport(RequestId id) {
        Actor actor = CurrentActor.get();
        DataSubjectRequest request = visible(actor, id, false);
        if (request.kind() != RequestKind.ACCESS) {
            throw new InvalidPrivacyInput("kind", "privacy.error.notAccess");
        }
        if (request.status() == RequestStatus.REFUSED) {
            throw new InvalidPrivacyInput("status", "privacy.error.transition");
        }
        ChildView child = children.read(request.childId(), "privacy access request " + id);
        byte[] bytes = workbook.render(request, child, today());
        events.publishEvent(new PrivacyRequestChanged(
                "EXPORT", id, request.communeCode(), null, Map.of("format", "xlsx", "childId", request.childId())));
        return new AccessExport(
                "yeu-cau-" + id + "-du-lieu-tre-em.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                bytes);
    }

    private DataSubjectRequest step(
            DataSubjectRequest request, String action, RequestStatus to, String outcome, Map<String, Object> extra) {
        LocalDate today = today();
        requests.changeStatus(request.id().value(), to, outcome, to.open() ? null : today);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (outcome != null) {
            after.put("outcome", outcome);
        }
        if (extra != null) {
            after.putAll(extra);
        }
        events.publishEvent(new PrivacyRequestChanged(
                action,
                request.id(),
                request.communeCode(),
                Map.of("status", request.status().name()),
                after));
        log.info("Privacy request {} now {}", request.id(), to);
        return requests.find(request.id().value(), today, false).orElseThrow();
    }

    private DataSubjectRequest visible(Actor actor, RequestId id, boolean forUpdate) {
        requireOfficer(actor);
        DataSubjectRequest request = requests.find(id.value(), today(), forUpdate)
                .orElseThrow(() -> new PrivacyRecordNotFound("request", id.value()));
        if (!organisation.covers(actor, request.communeCode())) {
            throw new OutsideScope(actor.username() + " may not see request " + id);
        }
        return request;
    }

    private static void requireStatus(DataSubjectRequest request, RequestStatus expected) {
        if (request.status() != expected) {
            throw new InvalidPrivacyInput("status", "privacy.error.transition");
        }
    }

    private static void requireOfficer(Actor actor) {
        if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not handle privacy requests");
        }
    }

    private List<String> communesOf(Actor actor) {
        if (actor.isNational()) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        codes.add(actor.scopeCode());
        organisation.subtree(actor.scopeCode(), today()).stream()
                .filter(OrgUnitView::isCommune)
                .map(OrgUnitView::code)
                .forEach(codes::add);
        return codes;
    }

    // ---- breaches ---------------------------------------------------------------------------

    /** Records a breach; the notification deadline is discovery + 72 hours. */
    @Transactional
    public Breach recordBreach(BreachForm form) {
        Actor actor = CurrentActor.get();
        requireBreachOfficer(actor);
        OffsetDateTime discovered = dateTime(form.discoveredAt(), "discoveredAt");
        if (discovered.isAfter(now().plusMinutes(5))) {
            throw new InvalidPrivacyInput("discoveredAt", "privacy.error.future");
        }
        String description = required(form.description(), "description", 4000);
        String data = required(form.dataAffected(), "dataAffected", 1000);
        if (form.peopleAffected() == null || form.peopleAffected() < 0) {
            throw new InvalidPrivacyInput("peopleAffected", "privacy.error.people");
        }
        String containment = optional(form.containment(), "containment", 4000);
        long id = breaches.insert(
                actor.scopeCode(), discovered, description, data, form.peopleAffected(), containment, actor.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("discoveredAt", discovered.toString());
        after.put(
                "notificationDeadline", Breach.notificationDeadline(discovered).toString());
        after.put("peopleAffected", form.peopleAffected());
        events.publishEvent(new BreachChanged("CREATE", new BreachId(id), actor.scopeCode(), null, after));
        log.warn(
                "Personal-data breach {} recorded by {}; notify the authority by {}",
                id,
                actor.username(),
                Breach.notificationDeadline(discovered));
        return breaches.find(id).orElseThrow();
    }

    /** The breaches of the actor's scope (all for a national administrator). */
    public List<Breach> breaches() {
        Actor actor = CurrentActor.get();
        requireBreachOfficer(actor);
        return breaches.list(actor.isNational() ? null : List.of(actor.scopeCode()));
    }

    public Breach breach(BreachId id) {
        return visibleBreach(CurrentActor.get(), id);
    }

    /** The authority (A05) was notified, at the given time or now. */
    @Transactional
    public Breach authorityNotified(BreachId id, String at) {
        return stampBreach(id, "authority_notified_at", "AUTHORITY_NOTIFIED", at);
    }

    /** The people affected were notified, at the given time or now. */
    @Transactional
    public Breach peopleNotified(BreachId id, String at) {
        return stampBreach(id, "people_notified_at", "PEOPLE_NOTIFIED", at);
    }

    /** The breach is handled; only once the authority was notified. */
    @Transactional
    public Breach close(BreachId id, String at) {
        Breach breach = visibleBreach(CurrentActor.get(), id);
        if (breach.authorityNotifiedAt() == null) {
            throw new InvalidPrivacyInput("closedAt", "privacy.error.notNotified");
        }
        return stampBreach(id, "closed_at", "CLOSE", at);
    }

    private Breach stampBreach(BreachId id, String column, String action, String at) {
        Actor actor = CurrentActor.get();
        Breach breach = visibleBreach(actor, id);
        if (breach.closed()) {
            throw new InvalidPrivacyInput("closedAt", "privacy.error.closed");
        }
        String field = "closed_at".equals(column) ? "closedAt" : "notifiedAt";
        OffsetDateTime when = at == null || at.isBlank() ? now() : dateTime(at, field);
        if (when.isBefore(breach.discoveredAt()) || when.isAfter(now().plusMinutes(5))) {
            throw new InvalidPrivacyInput(field, "privacy.error.stamp");
        }
        breaches.stamp(id.value(), column, when);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("at", when.toString());
        after.put("late", when.isAfter(breach.notificationDeadline()));
        events.publishEvent(new BreachChanged(action, id, breach.unitCode(), null, after));
        return breaches.find(id.value()).orElseThrow();
    }

    private Breach visibleBreach(Actor actor, BreachId id) {
        requireBreachOfficer(actor);
        Breach breach = breaches.find(id.value()).orElseThrow(() -> new PrivacyRecordNotFound("breach", id.value()));
        boolean visible =
                actor.isNational() || (breach.unitCode() != null && organisation.covers(actor, breach.unitCode()));
        if (!visible) {
            throw new OutsideScope(actor.username() + " may not see breach " + id);
        }
        return breach;
    }

    private static void requireBreachOfficer(Actor actor) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.PROVINCE_OFFICER)) {
            throw new OutsideScope(actor.username() + " may not see the breach register");
        }
    }

    // ---- input --------------------------------------------------------------------------------

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidPrivacyInput(field, "privacy.error.required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPrivacyInput(field, "privacy.error.choice");
        }
    }

    private static LocalDate receivedOn(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return today;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidPrivacyInput("receivedOn", "privacy.error.date");
        }
        if (date.isAfter(today) || date.isBefore(today.minusYears(1))) {
            throw new InvalidPrivacyInput("receivedOn", "privacy.error.receivedOn");
        }
        return date;
    }

    private static OffsetDateTime dateTime(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidPrivacyInput(field, "privacy.error.required");
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(VIETNAM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(VIETNAM).toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                throw new InvalidPrivacyInput(field, "privacy.error.dateTime");
            }
        }
    }

    private static String required(String value, String field, int max) {
        String text = optional(value, field, max);
        if (text == null) {
            throw new InvalidPrivacyInput(field, "privacy.error.required");
        }
        return text;
    }

    private static String optional(String value, String field, int max) {
        String text = VietnameseText.clean(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > max) {
            throw new InvalidPrivacyInput(field, "privacy.error.tooLong", max);
        }
        return text;
    }
}
