package vn.chungtay.audit.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import vn.chungtay.audit.AuditEntry;
import vn.chungtay.audit.AuditQuery;
import vn.chungtay.audit.AuditTrail;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.CurrentActor;

/** The audit trail as a page and as {@code GET /api/v1/audit}. */
@Controller
class AuditController {

    private final AuditTrail trail;
    private final tools.jackson.databind.json.JsonMapper json;

    AuditController(AuditTrail trail, tools.jackson.databind.json.JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditQuery query = new AuditQuery(entity, id, actor, from, to);
        Page<AuditEntry> entries = trail.find(CurrentActor.get(), query, page, 50);
        model.addAttribute("query", query);
        model.addAttribute("page", entries);
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/audit")
                                .queryParamIfPresent("entity", java.util.Optional.ofNullable(query.entity()))
                                .queryParamIfPresent("id", java.util.Optional.ofNullable(query.id()))
                                .queryParamIfPresent("actor", java.util.Optional.ofNullable(query.actor()))
                                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                                .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                                .build()
                                .toUriString()
                        + (query.entity() == null
                                        && query.id() == null
                                        && query.actor() == null
                                        && from == null
                                        && to == null
                                ? "?"
                                : "&"));
        return "audit/list";
    }

    @GetMapping(value = "/api/v1/audit", produces = "application/json")
    @ResponseBody
    List<AuditEntryJson> api(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return trail
                .find(CurrentActor.get(), new AuditQuery(entity, id, actor, null, null), page, size)
                .items()
                .stream()
                .map(e -> new AuditEntryJson(
                        e.id(),
                        e.occurredAt(),
                        e.actor(),
                        e.actorIp(),
                        e.action(),
                        e.entityType(),
                        e.entityId(),
                        e.unitCode(),
                        parse(e.before()),
                        parse(e.after())))
                .toList();
    }

    /** An audit entry for API clients, its states as JSON objects. */
    record AuditEntryJson(
            long id,
            java.time.OffsetDateTime occurredAt,
            String actor,
            String actorIp,
            String action,
            String entityType,
            String entityId,
            String unitCode,
            tools.jackson.databind.JsonNode before,
            tools.jackson.databind.JsonNode after) {}

    private tools.jackson.databind.JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
