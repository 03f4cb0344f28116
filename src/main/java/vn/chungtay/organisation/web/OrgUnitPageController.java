package vn.chungtay.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.chungtay.organisation.InvalidInput;
import vn.chungtay.organisation.OrgUnitDetails;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.UnitTypes;
import vn.chungtay.organisation.VillageForm;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/** Browse the hierarchy on any date, search it, see a unit's history, manage a commune's villages. */
@Controller
class OrgUnitPageController {

    private final OrganisationManagement organisation;
    private final MessageSource messages;

    OrgUnitPageController(OrganisationManagement organisation, MessageSource messages) {
        this.organisation = organisation;
        this.messages = messages;
    }

    @ModelAttribute("villageTypes")
    List<String> villageTypes() {
        return UnitTypes.VILLAGE_TYPES;
    }

    @GetMapping("/org-units")
    String index(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate day = dayOrToday(date, model);
        model.addAttribute("provinces", organisation.provinces(day));
        return "organisation/index";
    }

    @GetMapping("/org-units/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        LocalDate day = dayOrToday(date, model);
        Page<OrgUnitView> results = organisation.search(q, day, page, 25);
        model.addAttribute("q", q);
        model.addAttribute("page", results);
        model.addAttribute("parents", organisation.parentNames(results.items(), day));
        model.addAttribute(
                "pageUrl",
                "/org-units/search?q=" + UriUtils.encodeQueryParam(q, java.nio.charset.StandardCharsets.UTF_8)
                        + (date == null ? "" : "&date=" + date) + "&");
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "organisation/search :: results";
        }
        return "organisation/search";
    }

    @GetMapping("/org-units/{code}")
    String unit(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate day = dayOrToday(date, model);
        OrgUnitDetails details = organisation.details(code, day);
        OrgUnitView unit = details.unit();
        List<OrgUnitView> breadcrumb = new ArrayList<>(details.ancestors());
        Collections.reverse(breadcrumb);
        model.addAttribute("unit", unit);
        model.addAttribute("details", details);
        model.addAttribute("breadcrumb", breadcrumb);
        model.addAttribute("classifications", organisation.classifications(unit));
        model.addAttribute("versions", organisation.versions(code));
        if (unit.isCommune()) {
            List<OrgUnitView> villages = organisation.villages(code, day);
            Map<String, Boolean> difficult = new LinkedHashMap<>();
            villages.forEach(v -> difficult.put(v.code(), organisation.isEspeciallyDifficult(v, day)));
            model.addAttribute("villages", villages);
            model.addAttribute("difficult", difficult);
            model.addAttribute(
                    "canManage",
                    unit.validTo() == null
                            && CurrentActor.find()
                                    .map(a -> a.canManage() && organisation.covers(a, code))
                                    .orElse(false));
            model.addAttribute(
                    "canClassify",
                    unit.validTo() == null
                            && CurrentActor.find()
                                    .map(a -> (a.has(Role.ADMIN) || a.has(Role.PROVINCE_OFFICER))
                                            && organisation.covers(a, code))
                                    .orElse(false));
            model.addAttribute("periods", organisation.classificationPeriods());
            model.addAttribute("children", List.of());
        } else {
            model.addAttribute("children", organisation.children(code, day));
            model.addAttribute("canManage", false);
            model.addAttribute("canClassify", false);
        }
        if (!model.containsAttribute("villageForm")) {
            model.addAttribute("villageForm", new VillageForm("", "Thôn", false));
        }
        return "organisation/unit";
    }

    @PostMapping("/org-units/{code}/villages")
    String createVillage(
            @PathVariable String code, @ModelAttribute VillageForm form, RedirectAttributes redirect, Locale locale) {
        try {
            OrgUnitView village = organisation.createVillage(code, form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "org.village.created", new Object[] {village.fullName(), village.code()}, locale));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flashError", message(e, locale));
            redirect.addFlashAttribute("villageForm", form);
        }
        return "redirect:/org-units/" + code + "#villages";
    }

    @PostMapping("/org-units/{code}/villages/{villageCode}/rename")
    String renameVillage(
            @PathVariable String code,
            @PathVariable String villageCode,
            @ModelAttribute VillageForm form,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            OrgUnitView village = organisation.renameVillage(villageCode, form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "org.village.renamed", new Object[] {village.code(), village.fullName()}, locale));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flashError", message(e, locale));
        }
        return "redirect:/org-units/" + code + "#villages";
    }

    @PostMapping("/org-units/{code}/villages/{villageCode}/retire")
    String retireVillage(
            @PathVariable String code,
            @PathVariable String villageCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            OrgUnitView village = organisation.retireVillage(villageCode, lastDay);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "org.village.retired", new Object[] {village.fullName(), village.validTo()}, locale));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flashError", message(e, locale));
        }
        return "redirect:/org-units/" + code + "#villages";
    }

    @PostMapping("/org-units/{code}/classification")
    String classify(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String area,
            @RequestParam(required = false) String document,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            organisation.classifyCommuneArea(code, period, area, document);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("org.classification.saved", new Object[] {area, period}, locale));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flashError", message(e, locale));
        }
        return "redirect:/org-units/" + code + "#classification";
    }

    private String message(InvalidInput e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }

    private LocalDate dayOrToday(LocalDate date, Model model) {
        LocalDate day = date == null ? organisation.today() : date;
        model.addAttribute("day", day);
        model.addAttribute("historical", date != null && !date.equals(organisation.today()));
        return day;
    }
}
