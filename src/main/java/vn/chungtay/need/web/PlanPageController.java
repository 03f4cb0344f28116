package vn.chungtay.need.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedQuery;
import vn.chungtay.need.NeedRuleViolated;
import vn.chungtay.need.PlanId;
import vn.chungtay.need.PlanManagement;
import vn.chungtay.need.PlanStatus;
import vn.chungtay.need.PlanView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/** A commune's yearly plan with totals per category; submit, approve or return with a comment. */
@Controller
class PlanPageController {

    private final PlanManagement plans;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    PlanPageController(
            PlanManagement plans, NeedManagement needs, OrganisationManagement organisation, MessageSource messages) {
        this.plans = plans;
        this.needs = needs;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/plans")
    String plans(
            @RequestParam(required = false) String commune, @RequestParam(required = false) Integer year, Model model) {
        Actor actor = CurrentActor.get();
        int planYear = year == null ? organisation.today().getYear() : year;
        String communeCode = commune == null || commune.isBlank() ? ownCommune(actor) : commune.trim();
        model.addAttribute("year", planYear);
        model.addAttribute("commune", communeCode == null ? "" : communeCode);
        model.addAttribute("plans", plans.list(null, planYear));
        if (communeCode != null) {
            PlanView plan = plans.find(communeCode, planYear).orElse(null);
            model.addAttribute("plan", plan);
            model.addAttribute(
                    "communeName",
                    organisation
                            .find(communeCode, organisation.today())
                            .map(OrgUnitView::fullName)
                            .orElse(communeCode));
            model.addAttribute(
                    "needs",
                    needs.find(new NeedQuery(communeCode, null, null, planYear, null), 0, 200)
                            .items());
            boolean manage = needs.canManage(actor, communeCode);
            boolean approve = needs.canApprove(actor, communeCode);
            model.addAttribute("canOpen", manage && plan == null);
            model.addAttribute(
                    "canSubmit",
                    manage
                            && plan != null
                            && (plan.status() == PlanStatus.DRAFT || plan.status() == PlanStatus.RETURNED));
            model.addAttribute("canDecide", approve && plan != null && plan.status() == PlanStatus.SUBMITTED);
        } else {
            model.addAttribute("plan", null);
            model.addAttribute("needs", List.of());
            model.addAttribute("canOpen", false);
            model.addAttribute("canSubmit", false);
            model.addAttribute("canDecide", false);
        }
        return "need/plans";
    }

    @PostMapping("/plans")
    String open(@RequestParam String commune, @RequestParam int year, RedirectAttributes redirect, Locale locale) {
        run(() -> plans.open(commune, year), "plan.opened", redirect, locale);
        return "redirect:/plans?commune=" + commune + "&year=" + year;
    }

    @PostMapping("/plans/{id}/{step:submit|approve|return}")
    String decide(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect,
            Locale locale) {
        PlanId planId = new PlanId(id);
        PlanView plan = plans.get(planId);
        run(
                () -> switch (step) {
                    case "submit" -> plans.submit(planId);
                    case "approve" -> plans.approve(planId, comment);
                    default -> plans.returnToCommune(planId, comment);
                },
                "plan.step.done." + step,
                redirect,
                locale);
        return "redirect:/plans?commune=" + plan.communeCode() + "&year=" + plan.year();
    }

    private void run(
            java.util.function.Supplier<PlanView> action, String key, RedirectAttributes redirect, Locale locale) {
        try {
            PlanView plan = action.get();
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(key, new Object[] {plan.communeName(), Integer.toString(plan.year())}, locale));
        } catch (NeedRuleViolated e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        } catch (InvalidNeedInput e) {
            InvalidNeedInput.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        }
    }

    private String ownCommune(Actor actor) {
        if (actor.scopeCode() == null) {
            return null;
        }
        return organisation
                .find(actor.scopeCode(), organisation.today())
                .map(u -> u.isCommune() ? u.code() : u.isVillage() ? u.parentCode() : null)
                .orElse(null);
    }
}
