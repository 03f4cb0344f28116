package vn.chungtay.outreach.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.outreach.ActivityForm;
import vn.chungtay.outreach.ActivityId;
import vn.chungtay.outreach.ActivityQuery;
import vn.chungtay.outreach.ActivityView;
import vn.chungtay.outreach.Coverage;
import vn.chungtay.outreach.InvalidOutreachInput;
import vn.chungtay.outreach.OutreachManagement;
import vn.chungtay.outreach.OutreachMethod;
import vn.chungtay.outreach.ProvinceCoverage;
import vn.chungtay.outreach.Topic;
import vn.chungtay.shared.paging.Page;

@RestController
@RequestMapping(value = "/api/v1/outreach", produces = "application/json")
@Tag(name = "Outreach", description = "Outreach activities in the villages and the coverage they give")
class OutreachApiController {

    private final OutreachManagement outreach;

    OutreachApiController(OutreachManagement outreach) {
        this.outreach = outreach;
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Records an outreach activity in villages of one commune within the caller's scope",
            description = "`date` YYYY-MM-DD, not in the future; `villageCodes` villages of `communeCode`; `method`"
                    + " VILLAGE_MEETING, HOME_VISITS, LOUDSPEAKER, LEAFLETS, SCHOOL_SESSION, SOCIAL_MEDIA or OTHER;"
                    + " `topics` one or more of CARE, EDUCATION, PROTECTION, ABUSE_PREVENTION, NUTRITION, OTHER;"
                    + " `householdsReached` at most `peopleReached`; `language` `vi` or an ethnic group's code."
                    + " 400 names the wrong field (in Vietnamese by default); 403 outside the scope")
    ResponseEntity<ActivityJson> create(@RequestBody ActivityForm form) {
        ActivityView activity = outreach.record(form);
        return ResponseEntity.created(URI.create("/api/v1/outreach/" + activity.id()))
                .body(ActivityJson.of(activity));
    }

    @GetMapping
    @Operation(
            summary = "Activities within the caller's scope, newest first, filtered by commune, village, year,"
                    + " method and topic")
    Map<String, Object> list(
            @RequestParam(required = false) String commune,
            @RequestParam(required = false) String village,
            @RequestParam(required = false) Integer year,
            @Parameter(
                            description = "VILLAGE_MEETING, HOME_VISITS, LOUDSPEAKER, LEAFLETS, SCHOOL_SESSION,"
                                    + " SOCIAL_MEDIA or OTHER")
                    @RequestParam(required = false)
                    String method,
            @Parameter(description = "CARE, EDUCATION, PROTECTION, ABUSE_PREVENTION, NUTRITION or OTHER")
                    @RequestParam(required = false)
                    String topic,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page<ActivityView> found = outreach.find(
                new ActivityQuery(
                        commune,
                        village,
                        year,
                        parse(OutreachMethod.class, "method", method),
                        parse(Topic.class, "topic", topic)),
                page,
                size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", found.items().stream().map(ActivityJson::of).toList());
        body.put("page", found.number());
        body.put("size", found.size());
        body.put("totalElements", found.totalItems());
        body.put("totalPages", found.totalPages());
        return body;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One activity (403 outside the caller's scope, 404 unknown or deleted)")
    ActivityJson get(@PathVariable long id) {
        return ActivityJson.of(outreach.get(new ActivityId(id)));
    }

    @PutMapping(value = "/{id}", consumes = "application/json")
    @Operation(summary = "Corrects an activity (same checks as recording; the audit trail keeps before and after)")
    ActivityJson correct(@PathVariable long id, @RequestBody ActivityForm form) {
        return ActivityJson.of(outreach.correct(new ActivityId(id), form));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Deletes an activity; `reason` is required")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) String reason) {
        outreach.delete(new ActivityId(id), reason);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/coverage")
    @Operation(
            summary = "Coverage of a commune in a year: villages reached or not (ĐBKK flagged) and monthly totals;"
                    + " without `commune`, `province` gives one row per commune of the province",
            description = "`year` defaults to the current year")
    Map<String, Object> coverage(
            @RequestParam(required = false) String commune,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) Integer year) {
        int wanted = year == null ? outreach.currentYear() : year;
        Map<String, Object> body = new LinkedHashMap<>();
        if ((commune == null || commune.isBlank()) && province != null && !province.isBlank()) {
            ProvinceCoverage coverage = outreach.provinceCoverage(province, wanted);
            body.put("provinceCode", coverage.provinceCode());
            body.put("provinceName", coverage.provinceName());
            body.put("year", coverage.year());
            body.put("communes", coverage.communes());
            body.put("months", coverage.months());
            return body;
        }
        Coverage coverage = outreach.coverage(commune, wanted);
        body.put("communeCode", coverage.communeCode());
        body.put("communeName", coverage.communeName());
        body.put("year", coverage.year());
        body.put("classifiedOn", coverage.classifiedOn());
        body.put("villages", coverage.villages().size());
        body.put("villagesReached", coverage.reached().size());
        body.put("difficultVillages", coverage.difficultVillages());
        body.put("difficultVillagesReached", coverage.difficultReached());
        body.put(
                "reached",
                coverage.reached().stream().map(OutreachApiController::village).toList());
        body.put(
                "notReached",
                coverage.notReached().stream()
                        .map(OutreachApiController::village)
                        .toList());
        body.put("months", coverage.months());
        body.put("activities", coverage.totalActivities());
        body.put("people", coverage.totalPeople());
        body.put("households", coverage.totalHouseholds());
        return body;
    }

    private static Map<String, Object> village(Coverage.VillageCoverage v) {
        Map<String, Object> village = new LinkedHashMap<>();
        village.put("code", v.code());
        village.put("name", v.name());
        village.put("especiallyDifficult", v.especiallyDifficult());
        village.put("activities", v.activities());
        village.put("lastActivity", v.lastActivity());
        return village;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidOutreachInput.of(field, "outreach.filter.invalid", value);
        }
    }
}
