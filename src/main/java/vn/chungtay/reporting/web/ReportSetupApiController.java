package vn.chungtay.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.reporting.PeriodForm;
import vn.chungtay.reporting.PeriodId;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportingSetup;
import vn.chungtay.reporting.TemplateView;
import vn.chungtay.reporting.UnitAddress;

@RestController
@RequestMapping(value = "/api/v1/reporting", produces = "application/json")
@Tag(
        name = "Reporting set-up",
        description = "Report templates per programme, periods with due dates per level, extensions and the units'"
                + " e-mail addresses: reporting as data")
class ReportSetupApiController {

    private final ReportingSetup setup;

    ReportSetupApiController(ReportingSetup setup) {
        this.setup = setup;
    }

    record TemplateRequest(String title, List<String> indicators, List<String> sections) {}

    record Period(
            long id,
            String programme,
            String code,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            String scopeCode,
            int closingDays,
            Map<String, LocalDate> deadlines) {
        static Period of(PeriodView p) {
            Map<String, LocalDate> deadlines = new java.util.TreeMap<>();
            p.deadlines().forEach((level, due) -> deadlines.put(level.name(), due));
            return new Period(
                    p.id().value(),
                    p.programmeCode(),
                    p.code(),
                    p.name(),
                    p.startsOn(),
                    p.endsOn(),
                    p.scopeCode(),
                    p.closingDays(),
                    deadlines);
        }
    }

    record Extension(String unit, String closesOn, String reason) {}

    record Address(String email) {}

    @GetMapping("/templates")
    @Operation(summary = "Report templates: a programme's indicators (empty: all provided) and narrative sections")
    List<TemplateView> templates() {
        return setup.templates();
    }

    @PutMapping(value = "/templates/{programme}", consumes = "application/json")
    @Operation(summary = "Creates or changes a programme's template (administrators)")
    TemplateView defineTemplate(@PathVariable String programme, @RequestBody TemplateRequest request) {
        return setup.defineTemplate(programme, request.title(), request.indicators(), request.sections());
    }

    @GetMapping("/periods")
    @Operation(summary = "Reporting periods, the latest first, with the due date of each reporting level")
    List<Period> periods() {
        return setup.periods().stream().map(Period::of).toList();
    }

    @PostMapping(value = "/periods", consumes = "application/json")
    @Operation(
            summary = "Opens a period (administrators); due dates default to 10 days after the end for communes,"
                    + " and 20 for districts before the 2025 reform; data entry closes 15 days after")
    ResponseEntity<Period> createPeriod(@RequestBody PeriodForm form) {
        PeriodView period = setup.createPeriod(form);
        return ResponseEntity.created(URI.create("/api/v1/reporting/periods/" + period.id()))
                .body(Period.of(period));
    }

    @PostMapping(value = "/periods/{id}/extensions", consumes = "application/json")
    @Operation(summary = "Keeps data entry open for one unit until a date (administrators, its province)")
    ResponseEntity<Void> extend(@PathVariable long id, @RequestBody Extension extension) {
        setup.grantExtension(new PeriodId(id), extension.unit(), extension.closesOn(), extension.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/addresses")
    @Operation(summary = "The units' e-mail addresses the caller may change")
    List<UnitAddress> addresses() {
        return setup.addresses();
    }

    @PutMapping(value = "/addresses/{unit}", consumes = "application/json")
    @Operation(summary = "Sets (empty: removes) where a unit receives reports and reminders")
    ResponseEntity<Void> setAddress(@PathVariable String unit, @RequestBody Address address) {
        setup.setAddress(unit, address.email());
        return ResponseEntity.noContent().build();
    }
}
