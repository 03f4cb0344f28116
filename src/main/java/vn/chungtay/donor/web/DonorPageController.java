package vn.chungtay.donor.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.chungtay.donor.DonorDetails;
import vn.chungtay.donor.DonorForm;
import vn.chungtay.donor.DonorId;
import vn.chungtay.donor.DonorKind;
import vn.chungtay.donor.DonorManagement;
import vn.chungtay.donor.DonorQuery;
import vn.chungtay.donor.DonorRuleBroken;
import vn.chungtay.donor.InvalidDonor;
import vn.chungtay.donor.Registration;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;

/**
 * Officers' donor pages: the list (search without diacritics, filters, paging), the form for a new
 * donor, a donor's page (edit, merges, unmerge) and the likely duplicates with merging.
 */
@Controller
class DonorPageController {

    private static final String FORM = "donorForm";
    private static final int PAGE_SIZE = 25;

    private final DonorManagement donors;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    DonorPageController(DonorManagement donors, OrganisationManagement organisation, MessageSource messages) {
        this.donors = donors;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/donors")
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String origin,
            @RequestParam(defaultValue = "") String appearance,
            @RequestParam(defaultValue = "false") boolean merged,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        DonorKind wantedKind = parseKind(kind);
        Boolean domestic = "domestic".equals(origin) ? Boolean.TRUE : "foreign".equals(origin) ? Boolean.FALSE : null;
        Boolean anonymous =
                "anonymous".equals(appearance) ? Boolean.TRUE : "named".equals(appearance) ? Boolean.FALSE : null;
        model.addAttribute(
                "page", donors.search(new DonorQuery(q, wantedKind, domestic, anonymous, merged), page, PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("kind", wantedKind == null ? "" : wantedKind.name());
        model.addAttribute("origin", domestic == null ? "" : origin);
        model.addAttribute("appearance", anonymous == null ? "" : appearance);
        model.addAttribute("merged", merged);
        model.addAttribute("kinds", DonorKind.values());
        model.addAttribute("canCreate", CurrentActor.get().canManage());
        model.addAttribute(
                "pageUrl",
                "/donors?q=" + encode(q) + "&kind=" + encode(kind) + "&origin=" + encode(origin) + "&appearance="
                        + encode(appearance) + "&merged=" + merged + "&");
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "donor/list :: results";
        }
        return "donor/list";
    }

    @GetMapping("/donors/new")
    String newDonor(Model model) {
        requireManager();
        model.addAttribute(FORM, DonorForm.empty());
        return form(model, null);
    }

    @PostMapping("/donors")
    String create(
            @ModelAttribute(FORM) DonorForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        requireManager();
        if (binding.hasErrors()) {
            return form(model, form, null, bindingFailures(form, binding));
        }
        try {
            Registration registration = donors.register(form);
            String id = registration.donor().id().toString();
            if (registration.created()) {
                redirect.addFlashAttribute(
                        "flashSuccess", messages.getMessage("donor.created", new Object[] {id}, locale));
            } else {
                redirect.addFlashAttribute(
                        "flashWarning", messages.getMessage("donor.existingReused", new Object[] {id}, locale));
            }
            return "redirect:/donors/" + id;
        } catch (InvalidDonor e) {
            return form(model, form, null, errors(form, e));
        }
    }

    @GetMapping("/donors/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        DonorDetails donor = donors.details(new DonorId(id));
        model.addAttribute(FORM, DonorForm.of(donor));
        return form(model, donor);
    }

    @PostMapping("/donors/{id:\\d+}")
    String update(
            @PathVariable long id,
            @ModelAttribute(FORM) DonorForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        DonorDetails existing = donors.details(new DonorId(id));
        if (binding.hasErrors()) {
            return form(model, form, existing, bindingFailures(form, binding));
        }
        try {
            donors.update(new DonorId(id), form);
            redirect.addFlashAttribute(
                    "flashSuccess", messages.getMessage("donor.saved", new Object[] {Long.toString(id)}, locale));
            return "redirect:/donors/" + id;
        } catch (InvalidDonor e) {
            return form(model, form, existing, errors(form, e));
        } catch (DonorRuleBroken e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            return "redirect:/donors/" + id;
        }
    }

    @GetMapping("/donors/duplicates")
    String duplicates(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", donors.duplicates(page, PAGE_SIZE));
        model.addAttribute("pageUrl", "/donors/duplicates?");
        model.addAttribute("canMerge", CurrentActor.get().canManage());
        return "donor/duplicates";
    }

    @PostMapping("/donors/merge")
    String merge(
            @RequestParam long survivor,
            @RequestParam long merged,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            donors.merge(new DonorId(survivor), new DonorId(merged), reason);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "donor.merge.done", new Object[] {Long.toString(merged), Long.toString(survivor)}, locale));
            return "redirect:/donors/" + survivor;
        } catch (InvalidDonor e) {
            InvalidDonor.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        } catch (DonorRuleBroken e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
        return "duplicates".equals(back) ? "redirect:/donors/duplicates" : "redirect:/donors/" + survivor;
    }

    @PostMapping("/donors/{id:\\d+}/unmerge")
    String unmerge(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            donors.unmerge(new DonorId(id), reason);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("donor.unmerge.done", new Object[] {Long.toString(id)}, locale));
        } catch (InvalidDonor e) {
            InvalidDonor.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        } catch (DonorRuleBroken e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
        return "redirect:/donors/" + id;
    }

    @PostMapping("/donors/distinct")
    String distinct(@RequestParam long first, @RequestParam long second, RedirectAttributes redirect, Locale locale) {
        try {
            donors.markDistinct(new DonorId(first), new DonorId(second));
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "donor.duplicates.distinctDone",
                            new Object[] {Long.toString(first), Long.toString(second)},
                            locale));
        } catch (DonorRuleBroken e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
        return "redirect:/donors/duplicates";
    }

    private String form(Model model, DonorDetails existing) {
        return form(model, null, existing, null);
    }

    private String form(Model model, DonorForm form, DonorDetails existing, BindingResult errors) {
        if (errors != null) {
            model.addAttribute(FORM, form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        }
        Actor actor = CurrentActor.get();
        model.addAttribute("existing", existing);
        model.addAttribute("kinds", DonorKind.values());
        model.addAttribute(
                "editable",
                existing == null ? actor.canManage() : donors.canManage(actor, existing) && !existing.merged());
        model.addAttribute("canMerge", existing != null && donors.canManage(actor, existing));
        model.addAttribute("history", existing == null ? java.util.List.of() : donors.history(existing.id()));
        model.addAttribute(
                "registeredUnit",
                existing == null || existing.registeredUnitCode() == null
                        ? null
                        : organisation
                                .find(existing.registeredUnitCode(), organisation.today())
                                .map(OrgUnitView::fullName)
                                .orElse(existing.registeredUnitCode()));
        return "donor/form";
    }

    /** The service's problems on a fresh binding result, so only its messages show. */
    private static BindingResult errors(DonorForm form, InvalidDonor e) {
        BindingResult result = new BeanPropertyBindingResult(form, FORM);
        for (InvalidDonor.Problem p : e.problems()) {
            if (p.field() == null) {
                result.reject(p.messageKey(), p.argumentArray(), p.messageKey());
            } else {
                result.rejectValue(p.field(), p.messageKey(), p.argumentArray(), p.messageKey());
            }
        }
        return result;
    }

    /** Values the form could not even convert (a malformed date, an unknown kind), in our words. */
    private static BindingResult bindingFailures(DonorForm form, BindingResult binding) {
        BindingResult result = new BeanPropertyBindingResult(form, FORM);
        binding.getFieldErrors()
                .forEach(error -> result.rejectValue(
                        error.getField(), "donor.error.invalidValue", null, "donor.error.invalidValue"));
        if (!binding.hasFieldErrors()) {
            result.reject("donor.error.invalidValue", null, "donor.error.invalidValue");
        }
        return result;
    }

    private static void requireManager() {
        Actor actor = CurrentActor.get();
        if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not register donors");
        }
    }

    private static DonorKind parseKind(String kind) {
        for (DonorKind k : DonorKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
