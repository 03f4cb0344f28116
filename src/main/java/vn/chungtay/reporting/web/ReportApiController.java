package vn.chungtay.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.reporting.ConsolidatedReport;
import vn.chungtay.reporting.InvalidReportInput;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportConsolidation;
import vn.chungtay.reporting.ReportId;
import vn.chungtay.reporting.ReportNotFound;
import vn.chungtay.reporting.ReportView;
import vn.chungtay.reporting.ReportingManagement;
import vn.chungtay.reporting.ReportingSetup;

@RestController
@RequestMapping(value = "/api/v1/reports", produces = "application/json")
@Tag(
        name = "Reports",
        description = "The annual results report: figures from the records, narrative, submit / return / accept,"
                + " and the consolidated report of the level above")
class ReportApiController {

    private final ReportingManagement reports;
    private final ReportingSetup setup;
    private final ReportConsolidation consolidation;
    private final MessageSource messages;

    ReportApiController(
            ReportingManagement reports,
            ReportingSetup setup,
            ReportConsolidation consolidation,
            MessageSource messages) {
        this.reports = reports;
        this.setup = setup;
        this.consolidation = consolidation;
        this.messages = messages;
    }

    record OpenRequest(String unit, String period, String programme) {}

    record Narrative(Map<String, String> sections, String number) {}

    record Adjustment(String value, String note) {}

    record Comment(String comment) {}

    record Reason(String reason) {}

    record Ids(List<Long> ids) {}

    record Accepted(int accepted) {}

    @GetMapping
    @Operation(
            summary = "Reports of a unit and of the units reporting under it for a period (period = its code, e.g."
                    + " 2025; default: the current one)")
    List<ReportJson.Summary> list(
            @RequestParam String unit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String programme) {
        PeriodView p = period(programme, period);
        Set<ReportId> ids = new LinkedHashSet<>();
        reports.find(unit.strip(), p.id()).ifPresent(r -> ids.add(r.id()));
        ConsolidatedReport consolidated = consolidation.consolidated(unit, p);
        consolidated.rows().stream().filter(r -> r.reportId() != null).forEach(r -> ids.add(r.reportId()));
        return reports.summaries(new ArrayList<>(ids)).stream()
                .map(ReportJson.Summary::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One report with its figures (computed beside adjusted) and narrative")
    ReportJson.Report get(@PathVariable long id, Locale locale) {
        return json(reports.get(new ReportId(id)), locale);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Opens a unit's report for a period as a draft filled from the records (200 if it exists)")
    ResponseEntity<ReportJson.Report> open(@RequestBody OpenRequest request, Locale locale) {
        if (request.unit() == null || request.unit().isBlank()) {
            throw new InvalidReportInput("unit", "reporting.unit.required");
        }
        PeriodView p = period(request.programme(), request.period());
        boolean existed = reports.find(request.unit().strip(), p.id()).isPresent();
        ReportView report = reports.open(request.unit(), p.id());
        ReportJson.Report body = json(report, locale);
        return existed
                ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/reports/" + report.id()))
                        .body(body);
    }

    @PostMapping(value = "/{id}/narrative", consumes = "application/json")
    @Operation(summary = "Saves narrative sections (RESULTS, DIFFICULTIES, PROPOSALS) and the document number")
    ReportJson.Report narrative(@PathVariable long id, @RequestBody Narrative narrative, Locale locale) {
        return json(
                reports.write(
                        new ReportId(id),
                        narrative.sections() == null ? Map.of() : narrative.sections(),
                        narrative.number()),
                locale);
    }

    @PostMapping(value = "/{id}/figures/{code}", consumes = "application/json")
    @Operation(summary = "Reports another value than the computed one; a note is required")
    ReportJson.Report adjust(
            @PathVariable long id, @PathVariable String code, @RequestBody Adjustment adjustment, Locale locale) {
        return json(reports.adjust(new ReportId(id), code, adjustment.value(), adjustment.note()), locale);
    }

    @DeleteMapping("/{id}/figures/{code}")
    @Operation(summary = "Goes back to the computed value of an indicator")
    ReportJson.Report clear(@PathVariable long id, @PathVariable String code, Locale locale) {
        return json(reports.clearAdjustment(new ReportId(id), code), locale);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submits the report to the level above: figures snapshotted, DOCX and PDF e-mailed")
    ReportJson.Report submit(@PathVariable long id, Locale locale) {
        return json(reports.submit(new ReportId(id)), locale);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "The level above accepts a submitted report; it is locked")
    ReportJson.Report accept(@PathVariable long id, Locale locale) {
        return json(reports.accept(new ReportId(id)), locale);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The level above returns a submitted report; `comment` is required")
    ReportJson.Report returnToUnit(
            @PathVariable long id, @RequestBody(required = false) Comment comment, Locale locale) {
        return json(reports.returnToUnit(new ReportId(id), comment == null ? null : comment.comment()), locale);
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "The level above reopens an accepted report; `reason` is required")
    ReportJson.Report reopen(@PathVariable long id, @RequestBody(required = false) Reason reason, Locale locale) {
        return json(reports.reopen(new ReportId(id), reason == null ? null : reason.reason()), locale);
    }

    @PostMapping(value = "/accept", consumes = "application/json")
    @Operation(summary = "Accepts several submitted reports at once; answers how many were accepted")
    Accepted acceptAll(@RequestBody Ids ids) {
        if (ids.ids() == null || ids.ids().isEmpty()) {
            throw new InvalidReportInput("ids", "reporting.bulk.none");
        }
        return new Accepted(
                reports.acceptAll(ids.ids().stream().map(ReportId::new).toList()));
    }

    @GetMapping("/consolidated")
    @Operation(
            summary = "The consolidated report of a unit (no unit: the whole country, administrators): accepted"
                    + " reports summed, a row per unit, completeness and timeliness, narratives")
    ReportJson.Consolidated consolidated(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String programme,
            Locale locale) {
        return ReportJson.of(consolidation.consolidated(unit, period(programme, period)), messages, locale);
    }

    private PeriodView period(String programme, String code) {
        if (code == null || code.isBlank()) {
            return setup.currentPeriod(reports.today()).orElseThrow(() -> new ReportNotFound("current period"));
        }
        return setup.period(programme, code).orElseThrow(() -> new ReportNotFound("period " + code));
    }

    private ReportJson.Report json(ReportView report, Locale locale) {
        return ReportJson.of(report, messages, locale);
    }
}
