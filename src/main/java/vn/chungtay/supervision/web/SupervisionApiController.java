package vn.chungtay.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.supervision.FollowUpForm;
import vn.chungtay.supervision.FollowUpStatus;
import vn.chungtay.supervision.InvalidSupervisionInput;
import vn.chungtay.supervision.PlanForm;
import vn.chungtay.supervision.PlanId;
import vn.chungtay.supervision.PlanView;
import vn.chungtay.supervision.RecommendationForm;
import vn.chungtay.supervision.RecommendationId;
import vn.chungtay.supervision.RecommendationView;
import vn.chungtay.supervision.SupervisionManagement;
import vn.chungtay.supervision.VisitForm;
import vn.chungtay.supervision.VisitView;

@RestController
@RequestMapping(value = "/api/v1/supervision", produces = "application/json")
@Tag(name = "Supervision", description = "Supervision plans, visits, recommendations and their follow-up")
class SupervisionApiController {

    private final SupervisionManagement supervision;

    SupervisionApiController(SupervisionManagement supervision) {
        this.supervision = supervision;
    }

    record UnitContactRequest(String unitCode, String email) {}

    @GetMapping("/plans")
    @Operation(summary = "Plans the caller supervises or is supervised in, latest planned first")
    Map<String, Object> plans(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page<PlanView> found = supervision.plans(page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "content",
                found.items().stream().map(SupervisionApiController::plan).toList());
        body.put("page", found.number());
        body.put("size", found.size());
        body.put("totalElements", found.totalItems());
        body.put("totalPages", found.totalPages());
        return body;
    }

    @PostMapping(value = "/plans", consumes = "application/json")
    @Operation(
            summary = "Makes a supervision plan (supervisors, province officers, administrators)",
            description = "`supervisedUnits` lie within `supervisingUnit` (default: the caller's scope); dates"
                    + " YYYY-MM-DD. 400 names the wrong field; 403 outside the scope or for other roles")
    ResponseEntity<Map<String, Object>> createPlan(@RequestBody PlanForm form) {
        PlanView plan = supervision.createPlan(form);
        return ResponseEntity.created(URI.create("/api/v1/supervision/plans/" + plan.id()))
                .body(plan(plan));
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "A plan with its visits and the recommendations the caller may see")
    Map<String, Object> plan(@PathVariable long id) {
        PlanId planId = new PlanId(id);
        Map<String, Object> body = plan(supervision.plan(planId));
        body.put(
                "visits",
                supervision.visits(planId).stream()
                        .map(SupervisionApiController::visit)
                        .toList());
        LocalDate today = supervision.today();
        body.put(
                "recommendations",
                supervision.recommendations(planId).stream()
                        .map(r -> recommendation(r, today))
                        .toList());
        return body;
    }

    @PostMapping(value = "/plans/{id}/visits", consumes = "application/json")
    @Operation(summary = "Records a visit to a supervised unit of the plan, with its findings")
    ResponseEntity<Map<String, Object>> recordVisit(@PathVariable long id, @RequestBody VisitForm form) {
        VisitView visit = supervision.recordVisit(new PlanId(id), form);
        return ResponseEntity.status(201).body(visit(visit));
    }

    @PostMapping(value = "/plans/{id}/recommendations", consumes = "application/json")
    @Operation(
            summary = "Issues a recommendation to a supervised unit; the unit is told by e-mail at its contact address",
            description = "`notifiedEmail` in the answer is null when the unit has no contact address")
    ResponseEntity<Map<String, Object>> issue(@PathVariable long id, @RequestBody RecommendationForm form) {
        RecommendationView issued = supervision.issue(new PlanId(id), form);
        return ResponseEntity.created(URI.create("/api/v1/supervision/recommendations/" + issued.id()))
                .body(recommendation(issued, supervision.today()));
    }

    @GetMapping("/recommendations")
    @Operation(summary = "Recommendations within the caller's scope, soonest due first, by status on today")
    List<Map<String, Object>> recommendations(
            @Parameter(description = "OPEN, IN_PROGRESS, DONE or OVERDUE (not done and past the due date)")
                    @RequestParam(required = false)
                    String status) {
        FollowUpStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = FollowUpStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidSupervisionInput.of("status", "supervision.filter.statusInvalid", status);
            }
        }
        LocalDate today = supervision.today();
        return supervision.recommendations(wanted, 1000).stream()
                .map(r -> recommendation(r, today))
                .toList();
    }

    @GetMapping("/recommendations/{id}")
    @Operation(summary = "A recommendation with its follow-up steps")
    Map<String, Object> recommendation(@PathVariable long id) {
        RecommendationId recommendationId = new RecommendationId(id);
        Map<String, Object> body = recommendation(supervision.recommendation(recommendationId), supervision.today());
        body.put(
                "followUps",
                supervision.followUps(recommendationId).stream()
                        .map(f -> {
                            Map<String, Object> step = new LinkedHashMap<>();
                            step.put("status", f.status().name());
                            step.put("note", f.note());
                            step.put("evidenceFile", f.evidenceFilename());
                            step.put("evidenceSha256", f.evidenceSha256());
                            step.put("recordedBy", f.recordedBy());
                            step.put("recordedAt", f.recordedAt());
                            return step;
                        })
                        .toList());
        return body;
    }

    @PostMapping(value = "/recommendations/{id}/follow-up", consumes = "application/json")
    @Operation(summary = "The responsible unit records IN_PROGRESS, DONE or OPEN with a note (files on the page)")
    Map<String, Object> followUp(@PathVariable long id, @RequestBody FollowUpForm form) {
        return recommendation(supervision.followUp(new RecommendationId(id), form, null), supervision.today());
    }

    @PostMapping(value = "/contacts", consumes = "application/json")
    @Operation(summary = "Sets the e-mail address a unit is told of recommendations at")
    Map<String, Object> contact(@RequestBody UnitContactRequest request) {
        var contact = supervision.setContact(request.unitCode(), request.email());
        return Map.of("unitCode", contact.unitCode(), "email", contact.email());
    }

    private static Map<String, Object> plan(PlanView p) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", p.id().value());
        plan.put("subject", p.subject());
        plan.put("supervisingUnit", p.supervisingUnit());
        plan.put("supervisedUnits", p.supervisedUnits());
        plan.put("plannedFrom", p.plannedFrom());
        plan.put("plannedTo", p.plannedTo());
        plan.put("members", p.members());
        plan.put("notes", p.notes());
        plan.put("createdBy", p.createdBy());
        plan.put("createdAt", p.createdAt());
        return plan;
    }

    private static Map<String, Object> visit(VisitView v) {
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("id", v.id());
        visit.put("planId", v.planId().value());
        visit.put("unitCode", v.unitCode());
        visit.put("date", v.date());
        visit.put("members", v.members());
        visit.put("findings", v.findings());
        visit.put("recordedBy", v.recordedBy());
        return visit;
    }

    private static Map<String, Object> recommendation(RecommendationView r, LocalDate today) {
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("id", r.id().value());
        recommendation.put("planId", r.planId().value());
        recommendation.put("visitId", r.visitId());
        recommendation.put("responsibleUnit", r.responsibleUnit());
        recommendation.put("content", r.content());
        recommendation.put("issuedOn", r.issuedOn());
        recommendation.put("dueDate", r.dueDate());
        recommendation.put("status", r.statusOn(today).name());
        recommendation.put("recordedStatus", r.recordedStatus().name());
        recommendation.put("resolvedOn", r.resolvedOn());
        recommendation.put("notifiedEmail", r.notifiedEmail());
        return recommendation;
    }
}
