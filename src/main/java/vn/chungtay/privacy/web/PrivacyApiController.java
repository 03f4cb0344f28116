package vn.chungtay.privacy.web;

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
import vn.chungtay.privacy.Breach;
import vn.chungtay.privacy.BreachForm;
import vn.chungtay.privacy.BreachId;
import vn.chungtay.privacy.DataSubjectRequest;
import vn.chungtay.privacy.PrivacyManagement;
import vn.chungtay.privacy.RequestForm;
import vn.chungtay.privacy.RequestId;
import vn.chungtay.shared.paging.Page;

@RestController
@RequestMapping(value = "/api/v1/privacy", produces = "application/json")
@Tag(name = "Privacy", description = "Guardians' data-subject requests and the personal-data breach register")
class PrivacyApiController {

    private final PrivacyManagement privacy;

    PrivacyApiController(PrivacyManagement privacy) {
        this.privacy = privacy;
    }

    record Outcome(String note) {}

    record StampJson(String at) {}

    @GetMapping("/requests")
    @Operation(summary = "Requests of the caller's scope, overdue first; `overdue=true` lists only overdue ones")
    Page<DataSubjectRequest> requests(
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return privacy.list(overdue, page, size);
    }

    @PostMapping(value = "/requests", consumes = "application/json")
    @Operation(
            summary = "Records a guardian's request (ACCESS, CORRECTION, DELETION, OBJECTION) about a child in the"
                    + " caller's scope; due date = received + chungtay.privacy.request-days")
    ResponseEntity<DataSubjectRequest> receive(@RequestBody RequestForm form) {
        DataSubjectRequest request = privacy.receive(form);
        return ResponseEntity.created(URI.create("/api/v1/privacy/requests/" + request.id()))
                .body(request);
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "One request (audited read); 403 outside the caller's scope")
    DataSubjectRequest request(@PathVariable long id) {
        return privacy.get(new RequestId(id));
    }

    @PostMapping("/requests/{id}/start")
    @Operation(summary = "RECEIVED → IN_PROGRESS")
    DataSubjectRequest start(@PathVariable long id) {
        return privacy.start(new RequestId(id));
    }

    @PostMapping("/requests/{id}/complete")
    @Operation(summary = "IN_PROGRESS → DONE; a DELETION erases the child's data, an OBJECTION withdraws consent")
    DataSubjectRequest complete(@PathVariable long id, @RequestBody(required = false) Outcome outcome) {
        return privacy.complete(new RequestId(id), outcome == null ? null : outcome.note());
    }

    @PostMapping("/requests/{id}/refuse")
    @Operation(summary = "Refuses an open request; `note` is the reason (required)")
    DataSubjectRequest refuse(@PathVariable long id, @RequestBody(required = false) Outcome outcome) {
        return privacy.refuse(new RequestId(id), outcome == null ? null : outcome.note());
    }

    @GetMapping("/breaches")
    @Operation(summary = "The breach register of the caller's scope (administrators and province officers)")
    List<Breach> breaches() {
        return privacy.breaches();
    }

    @PostMapping(value = "/breaches", consumes = "application/json")
    @Operation(summary = "Records a breach; the authority must be notified within 72 hours of discovery")
    ResponseEntity<Breach> recordBreach(@RequestBody BreachForm form) {
        Breach breach = privacy.recordBreach(form);
        return ResponseEntity.created(URI.create("/api/v1/privacy/breaches/" + breach.id()))
                .body(breach);
    }

    @PostMapping("/breaches/{id}/authority-notified")
    @Operation(summary = "Records when the authority (A05) was notified (now when `at` is empty)")
    Breach authorityNotified(@PathVariable long id, @RequestBody(required = false) StampJson stamp) {
        return privacy.authorityNotified(new BreachId(id), stamp == null ? null : stamp.at());
    }

    @PostMapping("/breaches/{id}/people-notified")
    @Operation(summary = "Records when the people affected were notified (now when `at` is empty)")
    Breach peopleNotified(@PathVariable long id, @RequestBody(required = false) StampJson stamp) {
        return privacy.peopleNotified(new BreachId(id), stamp == null ? null : stamp.at());
    }

    @PostMapping("/breaches/{id}/close")
    @Operation(summary = "Closes a breach record once the authority was notified")
    Breach close(@PathVariable long id, @RequestBody(required = false) StampJson stamp) {
        return privacy.close(new BreachId(id), stamp == null ? null : stamp.at());
    }
}
