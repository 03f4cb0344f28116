package vn.chungtay.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.organisation.InvalidInput;
import vn.chungtay.organisation.OrgUnitDetails;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.VillageForm;

@RestController
@RequestMapping(value = "/api/v1/org-units", produces = "application/json")
@Tag(name = "Org units", description = "The administrative hierarchy on any date, with its history")
class OrgUnitApiController {

    private final OrganisationManagement organisation;
    private final MessageSource messages;

    OrgUnitApiController(OrganisationManagement organisation, MessageSource messages) {
        this.organisation = organisation;
        this.messages = messages;
    }

    record UnitJson(
            String code,
            String name,
            String fullName,
            String type,
            int level,
            String parentCode,
            LocalDate validFrom,
            LocalDate validTo) {
        static UnitJson of(OrgUnitView u) {
            return new UnitJson(
                    u.code(), u.name(), u.fullName(), u.type(), u.level(), u.parentCode(), u.validFrom(), u.validTo());
        }
    }

    record PredecessorJson(String code, String name, LocalDate validTo, boolean partial) {}

    record SuccessorJson(String code, String name, LocalDate validFrom, boolean partial) {}

    record UnitDetailsJson(
            String code,
            String name,
            String fullName,
            String type,
            int level,
            String parentCode,
            LocalDate validFrom,
            LocalDate validTo,
            List<PredecessorJson> predecessors,
            List<SuccessorJson> successors,
            List<UnitJson> children) {}

    @GetMapping("/{code}")
    @Operation(
            summary = "A unit as it was on a date (default today), with predecessors, today's successors and children")
    UnitDetailsJson get(
            @PathVariable String code,
            @Parameter(description = "YYYY-MM-DD, default today")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date) {
        LocalDate day = date == null ? organisation.today() : date;
        OrgUnitDetails details = organisation.details(code, day);
        OrgUnitView u = details.unit();
        return new UnitDetailsJson(
                u.code(),
                u.name(),
                u.fullName(),
                u.type(),
                u.level(),
                u.parentCode(),
                u.validFrom(),
                u.validTo(),
                details.predecessors().stream()
                        .map(p -> new PredecessorJson(p.code(), p.name(), p.date(), p.partial()))
                        .toList(),
                details.successors().stream()
                        .map(s -> new SuccessorJson(s.code(), s.name(), s.date(), s.partial()))
                        .toList(),
                organisation.children(code, day).stream().map(UnitJson::of).toList());
    }

    @GetMapping
    @Operation(summary = "Children of a unit on a date; without a parent, the provinces")
    List<UnitJson> children(
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date == null ? organisation.today() : date;
        List<OrgUnitView> list = parent == null || parent.isBlank()
                ? organisation.provinces(day)
                : organisation.children(organisation.get(parent.trim(), day).code(), day);
        return list.stream().map(UnitJson::of).toList();
    }

    @GetMapping("/{code}/subtree")
    @Operation(summary = "The unit and every unit under it on a date (default today), parents first")
    List<UnitJson> subtree(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date == null ? organisation.today() : date;
        List<OrgUnitView> tree = organisation.subtree(code, day);
        if (tree.isEmpty()) {
            throw new vn.chungtay.organisation.OrgUnitNotFound(code, day);
        }
        return tree.stream().map(UnitJson::of).toList();
    }

    @GetMapping("/search")
    @Operation(summary = "Units valid on a date whose name matches, ignoring diacritics (\"cu jut\" finds Cư Jút)")
    List<UnitJson> search(
            @RequestParam String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        LocalDate day = date == null ? organisation.today() : date;
        return organisation.search(q, day, page, size).items().stream()
                .map(UnitJson::of)
                .toList();
    }

    @PostMapping(value = "/{communeCode}/villages", consumes = "application/json")
    @Operation(summary = "Creates a village of a commune within the caller's scope; 403 outside it")
    ResponseEntity<UnitJson> createVillage(@PathVariable String communeCode, @RequestBody VillageForm form) {
        OrgUnitView village = organisation.createVillage(communeCode, form);
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + village.code()))
                .body(UnitJson.of(village));
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInput e, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of("error", "invalid", "field", e.field(), "message", message));
    }
}
