package vn.chungtay.outreach.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.outreach.ActivityForm;
import vn.chungtay.outreach.ActivityId;
import vn.chungtay.outreach.ActivityQuery;
import vn.chungtay.outreach.ActivityView;
import vn.chungtay.outreach.Coverage;
import vn.chungtay.outreach.InvalidOutreachInput;
import vn.chungtay.outreach.OutreachManagement;
import vn.chungtay.outreach.OutreachMethod;
import vn.chungtay.outreach.PhotoContent;
import vn.chungtay.outreach.PhotoUpload;
import vn.chungtay.outreach.ProvinceCoverage;
import vn.chungtay.outreach.Topic;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * Officers' outreach pages: the list with filters, the phone-friendly form (record and correct),
 * an activity with its photos, and the coverage of a commune (or of a province's communes).
 */
@Controller
class OutreachPageController {

    private final OutreachManagement outreach;
    private final OrganisationManagement organisation;
    private final MessageSource messages;
    private final JsonMapper json;

    OutreachPageController(
            OutreachManagement outreach, OrganisationManagement organisation, MessageSource messages, JsonMapper json) {
        this.outreach = outreach;
        this.organisation = organisation;
        this.messages = messages;
        this.json = json;
    }

    // ---- list --------------------------------------------------------------------------------

    @GetMapping("/outreach")
    String list(
            @RequestParam(defaultValue = "") String commune,
            @RequestParam(defaultValue = "") String village,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        OutreachMethod wantedMethod = parse(OutreachMethod.class, method);
        Topic wantedTopic = parse(Topic.class, topic);
        Page<ActivityView> found =
                outreach.find(new ActivityQuery(commune, village, year, wantedMethod, wantedTopic), page, 20);
        model.addAttribute("page", found);
        model.addAttribute("commune", commune);
        model.addAttribute("village", village);
        model.addAttribute("year", year);
        model.addAttribute("method", wantedMethod == null ? "" : wantedMethod.name());
        model.addAttribute("topic", wantedTopic == null ? "" : wantedTopic.name());
        model.addAttribute("methods", OutreachMethod.values());
        model.addAttribute("topics", Topic.values());
        model.addAttribute("names", names(found.items()));
        model.addAttribute(
                "pageUrl",
                "/outreach?commune=" + encode(commune) + "&village=" + encode(village) + "&year="
                        + (year == null ? "" : year) + "&method=" + encode(method) + "&topic=" + encode(topic) + "&");
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "outreach/list :: results";
        }
        return "outreach/list";
    }

    // ---- record and correct ------------------------------------------------------------------

    @GetMapping("/outreach/new")
    String newActivity(
            @RequestParam(required = false) String commune,
            @RequestParam(required = false) String village,
            Model model) {
        Actor actor = CurrentActor.get();
        if (!actor.canManage()) {
            throw new vn.chungtay.shared.security.OutsideScope(actor.username() + " may not record outreach");
        }
        String communeCode = communeOf(commune, village, actor);
        if (communeCode == null) {
            return chooseCommune(model, actor);
        }
        model.addAttribute(
                "activityForm",
                ActivityForm.empty(communeCode, village, organisation.today().toString()));
        return form(model, communeCode, null);
    }

    @PostMapping("/outreach")
    String create(
            @ModelAttribute("activityForm") ActivityForm form,
            BindingResult result,
            @RequestParam(required = false) MultipartFile photo,
            Model model,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        try {
            ActivityView activity = outreach.record(form, upload(photo));
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "outreach.created", new Object[] {activity.id().toString()}, locale));
            return "redirect:/outreach/" + activity.id();
        } catch (InvalidOutreachInput e) {
            addErrors(result, e, model, locale);
        }
        String communeCode =
                form.communeCode() == null ? null : form.communeCode().trim();
        return form(model, communeCode, null);
    }

    @GetMapping("/outreach/{id}")
    String show(@PathVariable long id, Model model) {
        ActivityView activity = outreach.get(new ActivityId(id));
        return detail(activity, model);
    }

    @GetMapping("/outreach/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ActivityView activity = outreach.get(new ActivityId(id));
        requireRecorder(activity);
        model.addAttribute("activityForm", ActivityForm.of(activity));
        return form(model, activity.communeCode(), activity);
    }

    @PostMapping("/outreach/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("activityForm") ActivityForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        ActivityView existing = outreach.get(new ActivityId(id));
        try {
            outreach.correct(new ActivityId(id), form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("outreach.corrected", new Object[] {Long.toString(id)}, locale));
            return "redirect:/outreach/" + id;
        } catch (InvalidOutreachInput e) {
            addErrors(result, e, model, locale);
        }
        return form(model, existing.communeCode(), existing);
    }

    @PostMapping("/outreach/{id}/delete")
    String delete(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        ActivityView existing = outreach.get(new ActivityId(id));
        try {
            outreach.delete(new ActivityId(id), reason);
        } catch (InvalidOutreachInput e) {
            redirect.addFlashAttribute("flashError", message(e.first(), locale));
            return "redirect:/outreach/" + id;
        }
        redirect.addFlashAttribute(
                "flashSuccess", messages.getMessage("outreach.deleted", new Object[] {Long.toString(id)}, locale));
        return "redirect:/outreach?commune=" + encode(existing.communeCode());
    }

    // ---- photos ------------------------------------------------------------------------------

    @PostMapping("/outreach/{id}/photos")
    String addPhoto(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile photo,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        try {
            outreach.addPhoto(new ActivityId(id), upload(photo));
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("outreach.photo.added", null, locale));
        } catch (InvalidOutreachInput e) {
            redirect.addFlashAttribute("flashError", message(e.first(), locale));
        }
        return "redirect:/outreach/" + id + "#photos";
    }

    @PostMapping("/outreach/{id}/photos/{photoId}/remove")
    String removePhoto(@PathVariable long id, @PathVariable long photoId, RedirectAttributes redirect, Locale locale) {
        outreach.removePhoto(new ActivityId(id), photoId);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("outreach.photo.removed", null, locale));
        return "redirect:/outreach/" + id + "#photos";
    }

    @GetMapping("/outreach/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        PhotoContent photo = outreach.photo(new ActivityId(id), photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .eTag(photo.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(photo.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(photo.content());
    }

    // ---- coverage ----------------------------------------------------------------------------

    @GetMapping("/outreach/coverage")
    String coverage(
            @RequestParam(defaultValue = "") String commune,
            @RequestParam(defaultValue = "") String province,
            @RequestParam(required = false) Integer year,
            Model model,
            Locale locale) {
        Actor actor = CurrentActor.get();
        int wantedYear = year == null ? organisation.today().getYear() : year;
        model.addAttribute("year", wantedYear);
        model.addAttribute("commune", commune);
        model.addAttribute("province", province);
        model.addAttribute("seesProvinces", outreach.seesProvinces(actor));
        String communeCode = commune.isBlank() ? ownCommune(actor) : commune.trim();
        try {
            if (communeCode != null) {
                Coverage coverage = outreach.coverage(communeCode, wantedYear);
                model.addAttribute("coverage", coverage);
                model.addAttribute("canRecord", outreach.canRecord(actor, coverage.communeCode()));
                model.addAttribute("provinceCode", provinceOf(coverage.communeCode()));
                model.addAttribute("chartJson", chart(coverage.months(), locale));
                return "outreach/coverage";
            }
            String provinceCode = province.isBlank() ? actor.scopeCode() : province.trim();
            if (provinceCode != null) {
                ProvinceCoverage coverage = outreach.provinceCoverage(provinceCode, wantedYear);
                model.addAttribute("provinceCoverage", coverage);
                model.addAttribute("chartJson", chart(coverage.months(), locale));
                return "outreach/coverage";
            }
        } catch (InvalidOutreachInput e) {
            model.addAttribute("flashError", message(e.first(), locale));
        }
        model.addAttribute("provinces", organisation.provinces(organisation.today()));
        return "outreach/coverage";
    }

    // ---- helpers -----------------------------------------------------------------------------

    private String detail(ActivityView activity, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("activity", activity);
        model.addAttribute("names", names(List.of(activity)));
        model.addAttribute("language", outreach.language(activity.language()).orElse(null));
        model.addAttribute("canManage", outreach.canRecord(actor, activity.communeCode()));
        return "outreach/detail";
    }

    private String form(Model model, String communeCode, ActivityView existing) {
        List<OrgUnitView> villages = new ArrayList<>();
        String communeName = communeCode;
        if (communeCode != null && !communeCode.isBlank()) {
            villages.addAll(outreach.villagesOf(communeCode, null));
            communeName = organisation
                    .find(communeCode, organisation.today())
                    .map(OrgUnitView::fullName)
                    .orElse(communeCode);
        }
        LocalDate today = organisation.today();
        Map<String, Boolean> difficult = new LinkedHashMap<>();
        villages.forEach(v -> difficult.put(v.code(), organisation.isEspeciallyDifficult(v, today)));
        model.addAttribute("existing", existing);
        model.addAttribute("communeCode", communeCode);
        model.addAttribute("communeName", communeName);
        model.addAttribute("villages", villages);
        model.addAttribute("difficult", difficult);
        model.addAttribute("methods", OutreachMethod.values());
        model.addAttribute("topics", Topic.values());
        model.addAttribute("languages", outreach.languages());
        model.addAttribute("today", today.toString());
        return "outreach/form";
    }

    private String chooseCommune(Model model, Actor actor) {
        List<OrgUnitView> communes = new ArrayList<>();
        if (actor.scopeCode() != null) {
            organisation.children(actor.scopeCode(), organisation.today()).stream()
                    .filter(OrgUnitView::isCommune)
                    .forEach(communes::add);
        }
        model.addAttribute("communes", communes);
        return "outreach/choose-commune";
    }

    private void requireRecorder(ActivityView activity) {
        organisation.requireManageable(CurrentActor.get(), activity.communeCode());
    }

    /** The commune the form is for: the one asked for, that of the village asked for, else the actor's own. */
    private String communeOf(String commune, String village, Actor actor) {
        LocalDate today = organisation.today();
        if (commune != null && !commune.isBlank()) {
            return organisation
                    .find(commune.trim(), today)
                    .filter(OrgUnitView::isCommune)
                    .map(OrgUnitView::code)
                    .orElse(null);
        }
        if (village != null && !village.isBlank()) {
            String parent = organisation
                    .find(village.trim(), today)
                    .filter(OrgUnitView::isVillage)
                    .map(OrgUnitView::parentCode)
                    .orElse(null);
            if (parent != null) {
                return parent;
            }
        }
        return ownCommune(actor);
    }

    private String ownCommune(Actor actor) {
        if (actor.scopeCode() == null) {
            return null;
        }
        return organisation
                .find(actor.scopeCode(), organisation.today())
                .filter(OrgUnitView::isCommune)
                .map(OrgUnitView::code)
                .orElse(null);
    }

    private String provinceOf(String communeCode) {
        return organisation.ancestors(communeCode, organisation.today()).stream()
                .filter(u -> u.level() == 1)
                .map(OrgUnitView::code)
                .findFirst()
                .orElse(null);
    }

    /** Names of the communes and villages the activities mention, for the pages. */
    private Map<String, String> names(List<ActivityView> activities) {
        List<String> codes = new ArrayList<>();
        activities.forEach(a -> {
            codes.add(a.communeCode());
            codes.addAll(a.villageCodes());
        });
        Map<String, String> names = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            organisation
                    .findAll(codes.stream().distinct().toList(), organisation.today())
                    .forEach(u -> names.put(u.code(), u.fullName()));
        }
        codes.forEach(c -> names.putIfAbsent(c, c));
        return names;
    }

    private String chart(List<Coverage.MonthTotal> months, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put(
                "labels",
                months.stream()
                        .map(m -> messages.getMessage("outreach.coverage.monthShort", new Object[] {m.month()}, locale))
                        .toList());
        chart.put("activitiesLabel", messages.getMessage("outreach.coverage.activities", null, locale));
        chart.put(
                "activities",
                months.stream().map(Coverage.MonthTotal::activities).toList());
        chart.put("peopleLabel", messages.getMessage("outreach.coverage.people", null, locale));
        chart.put("people", months.stream().map(Coverage.MonthTotal::people).toList());
        return json.writeValueAsString(chart);
    }

    private void addErrors(BindingResult result, InvalidOutreachInput e, Model model, Locale locale) {
        List<String> photoErrors = new ArrayList<>();
        for (InvalidOutreachInput.Problem p : e.problems()) {
            if (p.field() == null) {
                result.reject(p.messageKey(), p.argumentArray(), p.messageKey());
            } else if (p.field().equals("photo")) {
                photoErrors.add(message(p, locale));
            } else {
                result.rejectValue(p.field(), p.messageKey(), p.argumentArray(), p.messageKey());
            }
        }
        model.addAttribute("photoErrors", photoErrors);
    }

    private String message(InvalidOutreachInput.Problem p, Locale locale) {
        return messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale);
    }

    private static PhotoUpload upload(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        return new PhotoUpload(file.getOriginalFilename(), file.getBytes());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
