package vn.chungtay.need.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.PlanId;
import vn.chungtay.need.PlanManagement;
import vn.chungtay.need.PlanView;

@RestController
@RequestMapping(value = "/api/v1/plans", produces = "application/json")
@Tag(
        name = "Plans",
        description = "A commune's yearly plan of needs: submitted by the commune, decided by the province")
class PlanApiController {

    private final PlanManagement plans;

    PlanApiController(PlanManagement plans) {
        this.plans = plans;
    }

    record NewPlan(String communeCode, String year) {}

    record Decision(String comment) {}

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Opens the plan of a commune for a year (default this year); 409 when it exists")
    ResponseEntity<PlanJson> open(@RequestBody NewPlan request) {
        Integer year = null;
        if (request.year() != null && !request.year().isBlank()) {
            try {
                year = Integer.valueOf(request.year().trim());
            } catch (NumberFormatException e) {
                throw InvalidNeedInput.of("year", "need.year.notANumber");
            }
        }
        PlanView plan = plans.open(request.communeCode(), year);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).body(PlanJson.of(plan));
    }

    @GetMapping
    @Operation(summary = "Plans within the caller's scope, by commune and year")
    List<PlanJson> list(@RequestParam(required = false) String commune, @RequestParam(required = false) Integer year) {
        return plans.list(commune, year).stream().map(PlanJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan with its totals per category")
    PlanJson get(@PathVariable long id) {
        return PlanJson.of(plans.get(new PlanId(id)));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "The commune submits its plan; its draft needs are submitted with it")
    PlanJson submit(@PathVariable long id) {
        return PlanJson.of(plans.submit(new PlanId(id)));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "The province approves a submitted plan and its submitted needs; `comment` optional")
    PlanJson approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return PlanJson.of(plans.approve(new PlanId(id), decision == null ? null : decision.comment()));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The province returns a submitted plan to the commune; `comment` is required")
    PlanJson returnToCommune(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return PlanJson.of(plans.returnToCommune(new PlanId(id), decision == null ? null : decision.comment()));
    }
}
