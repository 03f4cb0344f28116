package vn.chungtay.need.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.chungtay.need.DuplicateNeedWarning;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedQuery;
import vn.chungtay.need.NeedRuleViolated;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedTarget;
import vn.chungtay.need.NeedView;
import vn.chungtay.need.Priority;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/** Officers' need pages: the list with filters, the form (create and edit), a need with its lifecycle buttons. */
@Controller
class NeedPageController {

    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    NeedPageController(NeedManagement needs, OrganisationManagement organisation, MessageSource messages) {
        this.needs = needs;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/needs")
    String list(
            @RequestParam(defaultValue = "") String commune,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String category,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        NeedStatus wanted = parseStatus(status);
        Page<NeedView> found = needs.find(new NeedQuery(commune, wanted, category, year, q), page, 25);
        model.addAttribute("page", found);
        model.addAttribute("commune", commune);
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("category", category);
        model.addAttribute("year", year);
        model.addAttribute("q", q);
        model.addAttribute("statuses", NeedStatus.values());
        model.addAttribute("categories", needs.categories());
        model.addAttribute(
                "pageUrl",
                "/needs?commune=" + encode(commune) + "&status=" + encode(status)
                        + "&category=" + encode(category) + "&year=" + (year == null ? "" : year) + "&q=" + encode(q)
                        + "&");
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "need/list :: results";
        }
        return "need/list";
    }

    @GetMapping("/needs/new")
    String newNeed(@RequestParam(required = false) String commune, Model model) {
        Actor actor = CurrentActor.get();
        String communeCode = communeOf(commune, actor);
        model.addAttribute("needForm", NeedForm.empty("", organisation.today().getYear()));
        return form(model, communeCode, null);
    }

    @PostMapping("/needs")
    String create(
            @ModelAttribute("needForm") NeedForm form,
            BindingResult result,
            @RequestParam(required = false) String commune,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            NeedView need = needs.create(form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("need.created", new Object[] {need.id().toString()}, locale));
            return "redirect:/needs/" + need.id();
        } catch (InvalidNeedInput e) {
            addErrors(result, e);
        } catch (DuplicateNeedWarning e) {
            model.addAttribute("duplicates", e.duplicates());
        }
        return form(model, communeOf(commune, CurrentActor.get()), null);
    }

    @GetMapping("/needs/{id}")
    String show(@PathVariable long id, Model model) {
        NeedView need = needs.get(new NeedId(id));
        Actor actor = CurrentActor.get();
        model.addAttribute("need", need);
        model.addAttribute("childMention", needs.childMention(need).orElse(null));
        model.addAttribute("childCode", needs.childPublicCode(need).orElse(null));
        model.addAttribute("place", name(need.unitCode()));
        model.addAttribute("communeName", name(need.communeCode()));
        model.addAttribute("category", categoryName(need.categoryCode()));
        boolean manage = needs.canManage(actor, need.unitCode());
        boolean approve = needs.canApprove(actor, need.communeCode());
        NeedStatus s = need.status();
        model.addAttribute("canEdit", manage && s == NeedStatus.DRAFT);
        model.addAttribute("canSubmit", manage && s == NeedStatus.DRAFT && !need.submitted());
        model.addAttribute("canApprove", approve && s == NeedStatus.DRAFT && need.submitted());
        model.addAttribute("canPublish", manage && s == NeedStatus.APPROVED);
        model.addAttribute("canDeliver", manage && s == NeedStatus.FUNDED);
        model.addAttribute("canClose", manage && s == NeedStatus.DELIVERED);
        model.addAttribute(
                "canCancel",
                manage && (s == NeedStatus.DRAFT || s == NeedStatus.APPROVED || s == NeedStatus.PUBLISHED));
        return "need/detail";
    }

    @GetMapping("/needs/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        NeedView need = needs.get(new NeedId(id));
        model.addAttribute(
                "needForm", NeedForm.of(need, needs.childPublicCode(need).orElse("")));
        return form(model, need.communeCode(), need);
    }

    @PostMapping("/needs/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("needForm") NeedForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        NeedView existing = needs.get(new NeedId(id));
        try {
            NeedView need = needs.update(new NeedId(id), form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("need.saved", new Object[] {need.id().toString()}, locale));
            return "redirect:/needs/" + need.id();
        } catch (InvalidNeedInput e) {
            addErrors(result, e);
        } catch (DuplicateNeedWarning e) {
            model.addAttribute("duplicates", e.duplicates());
        } catch (NeedRuleViolated e) {
            result.reject(e.messageKey(), e.arguments(), e.messageKey());
        }
        return form(model, existing.communeCode(), existing);
    }

    @PostMapping("/needs/{id}/{step:submit|approve|publish|cancel|deliver|close}")
    String step(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        NeedId needId = new NeedId(id);
        try {
            switch (step) {
                case "submit" -> needs.submit(needId);
                case "approve" -> needs.approve(needId);
                case "publish" -> needs.publish(needId);
                case "cancel" -> needs.cancel(needId, reason);
                case "deliver" -> needs.markDelivered(needId);
                default -> needs.close(needId);
            }
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("need.step.done." + step, new Object[] {Long.toString(id)}, locale));
        } catch (NeedRuleViolated e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        } catch (InvalidNeedInput e) {
            InvalidNeedInput.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        }
        return "redirect:/needs/" + id;
    }

    private String form(Model model, String communeCode, NeedView existing) {
        List<OrgUnitView> units = new ArrayList<>();
        if (communeCode != null) {
            organisation.find(communeCode, organisation.today()).ifPresent(units::add);
            organisation.villages(communeCode, organisation.today()).stream()
                    .filter(v -> v.validTo() == null)
                    .forEach(units::add);
        }
        model.addAttribute("existing", existing);
        model.addAttribute("communeCode", communeCode);
        model.addAttribute("units", units);
        model.addAttribute("targets", NeedTarget.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", needs.categories());
        if (!model.containsAttribute("duplicates")) {
            model.addAttribute("duplicates", List.of());
        }
        return "need/form";
    }

    /** The commune whose villages the form offers: the one asked for, else the actor's own. */
    private String communeOf(String asked, Actor actor) {
        if (asked != null && !asked.isBlank()) {
            return organisation
                    .find(asked.trim(), organisation.today())
                    .filter(OrgUnitView::isCommune)
                    .map(OrgUnitView::code)
                    .orElse(null);
        }
        if (actor.scopeCode() == null) {
            return null;
        }
        return organisation
                .find(actor.scopeCode(), organisation.today())
                .map(u -> u.isCommune() ? u.code() : u.isVillage() ? u.parentCode() : null)
                .orElse(null);
    }

    private static void addErrors(BindingResult result, InvalidNeedInput e) {
        for (InvalidNeedInput.Problem p : e.problems()) {
            if (p.field() == null) {
                result.reject(p.messageKey(), p.argumentArray(), p.messageKey());
            } else {
                result.rejectValue(p.field(), p.messageKey(), p.argumentArray(), p.messageKey());
            }
        }
    }

    private String name(String code) {
        return organisation
                .find(code, organisation.today())
                .map(OrgUnitView::fullName)
                .orElse(code);
    }

    private String categoryName(String code) {
        return needs.categories().stream()
                .filter(c -> c.code().equals(code))
                .map(c -> c.nameVi())
                .findFirst()
                .orElse(code);
    }

    private static NeedStatus parseStatus(String status) {
        for (NeedStatus s : NeedStatus.values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        return null;
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
