package vn.chungtay.need.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedQuery;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedView;
import vn.chungtay.shared.paging.Page;

@RestController
@RequestMapping(value = "/api/v1/needs", produces = "application/json")
@Tag(name = "Needs", description = "Children's needs per child, village, school or commune, and their lifecycle")
class NeedApiController {

    private final NeedManagement needs;

    NeedApiController(NeedManagement needs) {
        this.needs = needs;
    }

    record CancelRequest(String reason) {}

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Records a draft need within the caller's scope",
            description = "400 names the wrong field; 403 outside the scope; 409 with `duplicates` when a"
                    + " likely duplicate exists (send `confirmDuplicate: true` to record it anyway)")
    ResponseEntity<NeedJson> create(@RequestBody NeedForm form) {
        NeedView need = needs.create(form);
        return ResponseEntity.created(URI.create("/api/v1/needs/" + need.id())).body(NeedJson.of(need));
    }

    @GetMapping
    @Operation(
            summary =
                    "Needs within the caller's scope, newest first, filtered by commune, status, category, year, text")
    Map<String, Object> list(
            @RequestParam(required = false) String commune,
            @Parameter(
                            description =
                                    "DRAFT, APPROVED, PUBLISHED, PARTLY_FUNDED, FUNDED, DELIVERED, CLOSED or CANCELLED")
                    @RequestParam(required = false)
                    String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        NeedStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = NeedStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidNeedInput.of("status", "need.status.invalid", status);
            }
        }
        Page<NeedView> found = needs.find(new NeedQuery(commune, wanted, category, year, q), page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", found.items().stream().map(NeedJson::of).toList());
        body.put("page", found.number());
        body.put("size", found.size());
        body.put("totalElements", found.totalItems());
        body.put("totalPages", found.totalPages());
        return body;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One need (403 outside the caller's scope)")
    NeedJson get(@PathVariable long id) {
        return NeedJson.of(needs.get(new NeedId(id)));
    }

    @PutMapping(value = "/{id}", consumes = "application/json")
    @Operation(summary = "Edits a draft need")
    NeedJson update(@PathVariable long id, @RequestBody NeedForm form) {
        return NeedJson.of(needs.update(new NeedId(id), form));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "The commune submits a draft to the province")
    NeedJson submit(@PathVariable long id) {
        return NeedJson.of(needs.submit(new NeedId(id)));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "The province (or an administrator) approves a submitted draft")
    NeedJson approve(@PathVariable long id) {
        return NeedJson.of(needs.approve(new NeedId(id)));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publishes an approved need: donors and the public see it (409 unless approved)")
    NeedJson publish(@PathVariable long id) {
        return NeedJson.of(needs.publish(new NeedId(id)));
    }

    @PostMapping(value = "/{id}/cancel", consumes = "application/json")
    @Operation(summary = "Cancels a need that has received no money; `reason` is required")
    NeedJson cancel(@PathVariable long id, @RequestBody CancelRequest request) {
        return NeedJson.of(needs.cancel(new NeedId(id), request.reason()));
    }

    @PostMapping("/{id}/deliver")
    @Operation(summary = "Marks a funded need delivered")
    NeedJson deliver(@PathVariable long id) {
        return NeedJson.of(needs.markDelivered(new NeedId(id)));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Closes a delivered need")
    NeedJson close(@PathVariable long id) {
        return NeedJson.of(needs.close(new NeedId(id)));
    }
}
