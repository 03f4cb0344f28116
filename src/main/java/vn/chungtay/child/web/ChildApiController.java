package vn.chungtay.child.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.child.ChildForm;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ChildStatus;
import vn.chungtay.child.ChildSummary;
import vn.chungtay.child.ChildView;
import vn.chungtay.child.CodeName;
import vn.chungtay.child.ConsentForm;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;
import vn.chungtay.child.DuplicatesFound;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.InvalidChildData;
import vn.chungtay.child.ReasonRequired;
import vn.chungtay.child.Schooling;
import vn.chungtay.child.Sex;
import vn.chungtay.shared.paging.Page;

@RestController
@RequestMapping(value = "/api/v1/children", produces = "application/json")
@Tag(name = "Children", description = "The protected child registry: within the caller's scope, every read audited")
class ChildApiController {

    /** API field names of the consent parts, as the JSON nests them. */
    private static final Map<String, String> API_FIELDS = Map.of(
            "guardianConsentBy", "guardianConsent.givenBy",
            "guardianConsentDate", "guardianConsent.date",
            "guardianConsentMethod", "guardianConsent.method",
            "consentPurposes", "guardianConsent.purposes",
            "childConsentBy", "childConsent.givenBy",
            "childConsentDate", "childConsent.date");

    private final ChildManagement management;
    private final MessageSource messages;

    ChildApiController(ChildManagement management, MessageSource messages) {
        this.management = management;
        this.messages = messages;
    }

    record GuardianConsentJson(String givenBy, LocalDate date, ConsentMethod method, Set<ConsentPurpose> purposes) {}

    record ChildConsentJson(String givenBy, LocalDate date) {}

    record ChildRequest(
            String fullName,
            LocalDate dateOfBirth,
            Sex sex,
            String ethnicGroupCode,
            String villageCode,
            String guardianName,
            String guardianRelationship,
            String guardianPhone,
            HouseholdPoverty householdPoverty,
            String povertyCertificate,
            Schooling schooling,
            String schoolName,
            Set<String> circumstances,
            String disability,
            String healthNotes,
            String nutritionNotes,
            GuardianConsentJson guardianConsent,
            ChildConsentJson childConsent,
            Boolean draft,
            Boolean confirmDuplicate) {

        ChildForm toForm() {
            GuardianConsentJson g =
                    guardianConsent == null ? new GuardianConsentJson(null, null, null, null) : guardianConsent;
            ChildConsentJson c = childConsent == null ? new ChildConsentJson(null, null) : childConsent;
            return new ChildForm(
                    fullName,
                    dateOfBirth,
                    sex,
                    ethnicGroupCode,
                    villageCode,
                    guardianName,
                    guardianRelationship,
                    guardianPhone,
                    householdPoverty,
                    povertyCertificate,
                    schooling,
                    schoolName,
                    circumstances,
                    disability,
                    healthNotes,
                    nutritionNotes,
                    g.givenBy(),
                    g.date(),
                    g.method(),
                    g.purposes(),
                    c.givenBy(),
                    c.date(),
                    draft,
                    confirmDuplicate);
        }

        /** Never prints the child's name, birth date or family: records end up in logs (Spring MVC at DEBUG). */
        @Override
        public String toString() {
            return "ChildRequest[personal data withheld]";
        }
    }

    record ConsentRequest(GuardianConsentJson guardianConsent, ChildConsentJson childConsent) {
        ConsentForm toForm() {
            GuardianConsentJson g =
                    guardianConsent == null ? new GuardianConsentJson(null, null, null, null) : guardianConsent;
            ChildConsentJson c = childConsent == null ? new ChildConsentJson(null, null) : childConsent;
            return new ConsentForm(g.givenBy(), g.date(), g.method(), g.purposes(), c.givenBy(), c.date());
        }
    }

    record WithdrawalRequest(ConsentPurpose purpose) {}

    record ChildJson(
            long id,
            String publicCode,
            ChildStatus status,
            String fullName,
            LocalDate dateOfBirth,
            int birthYear,
            int ageYears,
            Sex sex,
            String ethnicGroupCode,
            String ethnicGroupName,
            String villageCode,
            String villageName,
            String communeCode,
            String guardianName,
            String guardianRelationship,
            String guardianPhone,
            HouseholdPoverty householdPoverty,
            String povertyCertificate,
            Schooling schooling,
            String schoolName,
            List<String> circumstances,
            String disability,
            String healthNotes,
            String nutritionNotes,
            GuardianConsentJson guardianConsent,
            ChildConsentJson childConsent,
            OffsetDateTime consentWithdrawnAt,
            boolean turning16,
            boolean childConsentNeeded,
            boolean usable) {

        static ChildJson of(ChildView v) {
            return new ChildJson(
                    v.id(),
                    v.publicCode(),
                    v.status(),
                    v.fullName(),
                    v.dateOfBirth(),
                    v.birthYear(),
                    v.ageYears(),
                    v.sex(),
                    v.ethnicGroupCode(),
                    v.ethnicGroupName(),
                    v.villageCode(),
                    v.villageName(),
                    v.communeCode(),
                    v.guardianName(),
                    v.guardianRelationship(),
                    v.guardianPhone(),
                    v.householdPoverty(),
                    v.povertyCertificate(),
                    v.schooling(),
                    v.schoolName(),
                    v.circumstances().stream().map(CodeName::code).toList(),
                    v.disability(),
                    v.healthNotes(),
                    v.nutritionNotes(),
                    v.guardianConsentBy() == null && v.consentPurposes().isEmpty()
                            ? null
                            : new GuardianConsentJson(
                                    v.guardianConsentBy(),
                                    v.guardianConsentDate(),
                                    v.guardianConsentMethod(),
                                    v.consentPurposes()),
                    v.childConsentBy() == null ? null : new ChildConsentJson(v.childConsentBy(), v.childConsentDate()),
                    v.consentWithdrawnAt(),
                    v.turning16(),
                    v.childConsentNeeded(),
                    v.usable());
        }

        /** Never prints the child's name, birth date or family: records end up in logs (Spring MVC at DEBUG). */
        @Override
        public String toString() {
            return "ChildJson[personal data withheld]";
        }
    }

    record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
        static <T> PageJson<T> of(Page<T> page) {
            return new PageJson<>(page.items(), page.number(), page.size(), page.totalItems(), page.totalPages());
        }
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Registers a child in a village of the caller's scope",
            description = "guardianConsent (with PROCESSING) is required, and childConsent from age 7, unless"
                    + " \"draft\": true (a draft is seen only by the commune and used for nothing). A likely"
                    + " duplicate anywhere answers 409 unless \"confirmDuplicate\": true. guardianConsent.method"
                    + " defaults to WRITTEN.")
    ResponseEntity<ChildJson> create(@RequestBody ChildRequest request) {
        ChildView child = management.register(request.toForm());
        return ResponseEntity.created(URI.create("/api/v1/children/" + child.id()))
                .body(ChildJson.of(child));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A child's record (audited); 404 outside the caller's scope. Supervisors give a reason.")
    ChildJson get(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestHeader(value = "X-Reason", required = false) String reasonHeader) {
        return ChildJson.of(management.read(id, reason != null ? reason : reasonHeader));
    }

    @GetMapping
    @Operation(
            summary =
                    "The children of the caller's scope, optionally of one village and matching q (diacritics ignored)")
    PageJson<ChildSummary> list(
            @RequestParam(required = false) String village,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageJson.of(management.list(village, q, page, size));
    }

    @PostMapping(value = "/{id}/consent", consumes = "application/json")
    @Operation(summary = "Records the guardian's consent and, from age 7, the child's")
    ChildJson consent(@PathVariable long id, @RequestBody ConsentRequest request) {
        return ChildJson.of(management.recordConsent(id, request.toForm()));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraws consent: all of it, or one purpose (e.g. ANONYMOUS_MENTION)")
    ChildJson withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawalRequest request) {
        return ChildJson.of(management.withdrawConsent(id, request == null ? null : request.purpose()));
    }

    @PostMapping("/{id}/erasure")
    @Operation(summary = "A deletion request: erases the personal fields, keeps anonymous counts")
    ChildJson erase(@PathVariable long id) {
        return ChildJson.of(management.erase(id));
    }

    @ExceptionHandler(InvalidChildData.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidChildData e, Locale locale) {
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of(
                        "field",
                        API_FIELDS.getOrDefault(p.field(), p.field()),
                        "message",
                        messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", errors.get(0).get("field"));
        body.put("message", errors.get(0).get("message"));
        body.put("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(DuplicatesFound.class)
    ResponseEntity<Map<String, Object>> duplicates(DuplicatesFound e, Locale locale) {
        String where = e.duplicates().stream()
                .map(d -> d.communeName() + " (" + d.communeCode() + ")")
                .collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of(
                        "error",
                        "duplicate",
                        "message",
                        messages.getMessage("child.duplicate.api", new Object[] {where}, locale),
                        "duplicates",
                        e.duplicates()));
    }

    @ExceptionHandler(ReasonRequired.class)
    ResponseEntity<Map<String, Object>> reasonRequired(Locale locale) {
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "error",
                        "reasonRequired",
                        "field",
                        "reason",
                        "message",
                        messages.getMessage("child.reason.required", null, locale)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = "";
        for (Throwable cause = e; cause != null && field.isEmpty(); cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException jackson) {
                field = jackson.getPath().stream()
                        .map(tools.jackson.core.JacksonException.Reference::getPropertyName)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining("."));
            }
        }
        String message = field.isEmpty()
                ? messages.getMessage("child.api.unreadable", null, locale)
                : messages.getMessage("child.api.badValue", new Object[] {field}, locale);
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "field", field, "message", message));
    }
}
