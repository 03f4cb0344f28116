package vn.chungtay.supervision.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.supervision.Evidence;
import vn.chungtay.supervision.EvidenceContent;
import vn.chungtay.supervision.FollowUpForm;
import vn.chungtay.supervision.FollowUpStatus;
import vn.chungtay.supervision.InvalidSupervisionInput;
import vn.chungtay.supervision.PlanForm;
import vn.chungtay.supervision.PlanId;
import vn.chungtay.supervision.PlanView;
import vn.chungtay.supervision.RecommendationForm;
import vn.chungtay.supervision.RecommendationId;
import vn.chungtay.supervision.RecommendationView;
import vn.chungtay.supervision.SupervisionManagement;
import vn.chungtay.supervision.VisitForm;
import vn.chungtay.supervision.VisitView;

/** Supervision pages: plans, a plan with its visits and recommendations, a recommendation's follow-up, the overdue list. */
@Controller
class SupervisionPageController {

    private final SupervisionManagement supervision;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    SupervisionPageController(
            SupervisionManagement supervision, OrganisationManagement organisation, MessageSource messages) {
        this.supervision = supervision;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/supervision")
    String plans(@RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = CurrentActor.get();
        Page<PlanView> found = supervision.plans(page, 20);
        model.addAttribute("page", found);
        model.addAttribute("pageUrl", "/supervision?");
        model.addAttribute(
                "names",
                names(found.items().stream()
                        .flatMap(p -> java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(p.supervisingUnit()), p.supervisedUnits().stream()))
                        .toList()));
        model.addAttribute(
                "canPlan",
                actor.scopeCode() == null
                        ? supervision.canPlan(actor, "")
                        : supervision.canPlan(actor, actor.scopeCode()));
        model.addAttribute("overdueCount", supervision.overdue().size());
        return "supervision/plans";
    }

    @GetMapping("/supervision/plans/new")
    String newPlan(Model model) {
        model.addAttribute("planForm", PlanForm.empty(CurrentActor.get().scopeCode()));
        return "supervision/plan-form";
    }

    @PostMapping("/supervision/plans")
    String createPlan(
            @ModelAttribute("planForm") PlanForm form,
            BindingResult result,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            PlanView plan = supervision.createPlan(form);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("supervision.plan.created", null, locale));
            return "redirect:/supervision/plans/" + plan.id();
        } catch (InvalidSupervisionInput e) {
            addErrors(result, e);
        }
        return "supervision/plan-form";
    }

    @GetMapping("/supervision/plans/{id}")
    String plan(@PathVariable long id, Model model) {
        PlanId planId = new PlanId(id);
        PlanView plan = supervision.plan(planId);
        if (!model.containsAttribute("visitForm")) {
            model.addAttribute(
                    "visitForm", new VisitForm("", supervision.today().toString(), "", ""));
        }
        if (!model.containsAttribute("recommendationForm")) {
            model.addAttribute("recommendationForm", new RecommendationForm("", "", "", ""));
        }
        return planPage(plan, model);
    }

    @PostMapping("/supervision/plans/{id}/visits")
    String recordVisit(
            @PathVariable long id,
            @ModelAttribute("visitForm") VisitForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        PlanId planId = new PlanId(id);
        try {
            supervision.recordVisit(planId, form);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("supervision.visit.recorded", null, locale));
            return "redirect:/supervision/plans/" + id + "#visits";
        } catch (InvalidSupervisionInput e) {
            addErrors(result, e);
        }
        model.addAttribute("recommendationForm", new RecommendationForm("", "", "", ""));
        return planPage(supervision.plan(planId), model);
    }

    @PostMapping("/supervision/plans/{id}/recommendations")
    String issue(
            @PathVariable long id,
            @ModelAttribute("recommendationForm") RecommendationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        PlanId planId = new PlanId(id);
        try {
            RecommendationView issued = supervision.issue(planId, form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    issued.notifiedEmail() == null
                            ? messages.getMessage("supervision.recommendation.issuedNotNotified", null, locale)
                            : messages.getMessage(
                                    "supervision.recommendation.issued",
                                    new Object[] {issued.notifiedEmail()},
                                    locale));
            return "redirect:/supervision/plans/" + id + "#recommendations";
        } catch (InvalidSupervisionInput e) {
            addErrors(result, e);
        }
        model.addAttribute("visitForm", new VisitForm("", supervision.today().toString(), "", ""));
        return planPage(supervision.plan(planId), model);
    }

    @PostMapping("/supervision/contacts")
    String setContact(
            @RequestParam(defaultValue = "") String unitCode,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) Long plan,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            supervision.setContact(unitCode, email);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("supervision.contact.saved", null, locale));
        } catch (InvalidSupervisionInput e) {
            InvalidSupervisionInput.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        }
        return plan == null ? "redirect:/supervision" : "redirect:/supervision/plans/" + plan + "#units";
    }

    @GetMapping("/supervision/recommendations/{id}")
    String recommendation(@PathVariable long id, Model model) {
        RecommendationId recommendationId = new RecommendationId(id);
        RecommendationView recommendation = supervision.recommendation(recommendationId);
        Actor actor = CurrentActor.get();
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("status", recommendation.statusOn(supervision.today()));
        model.addAttribute("followUps", supervision.followUps(recommendationId));
        model.addAttribute("canFollowUp", supervision.canFollowUp(actor, recommendation));
        model.addAttribute("names", names(List.of(recommendation.responsibleUnit())));
        model.addAttribute("statuses", List.of(FollowUpStatus.IN_PROGRESS, FollowUpStatus.DONE, FollowUpStatus.OPEN));
        if (!model.containsAttribute("followUpForm")) {
            model.addAttribute("followUpForm", new FollowUpForm(FollowUpStatus.IN_PROGRESS.name(), ""));
        }
        return "supervision/recommendation";
    }

    @PostMapping("/supervision/recommendations/{id}/follow-up")
    String followUp(
            @PathVariable long id,
            @ModelAttribute("followUpForm") FollowUpForm form,
            BindingResult result,
            @RequestParam(required = false) MultipartFile evidence,
            Model model,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        try {
            supervision.followUp(
                    new RecommendationId(id),
                    form,
                    evidence == null || evidence.isEmpty()
                            ? null
                            : new Evidence(evidence.getOriginalFilename(), evidence.getBytes()));
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("supervision.followUp.saved", null, locale));
            return "redirect:/supervision/recommendations/" + id;
        } catch (InvalidSupervisionInput e) {
            List<String> evidenceErrors = new ArrayList<>();
            for (InvalidSupervisionInput.Problem p : e.problems()) {
                if ("evidence".equals(p.field())) {
                    evidenceErrors.add(messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
                } else {
                    result.rejectValue(p.field(), p.messageKey(), p.argumentArray(), p.messageKey());
                }
            }
            model.addAttribute("evidenceErrors", evidenceErrors);
        }
        return recommendation(id, model);
    }

    @GetMapping("/supervision/recommendations/{id}/evidence/{followUpId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long followUpId) {
        EvidenceContent evidence = supervision.evidence(new RecommendationId(id), followUpId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(evidence.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(evidence.content());
    }

    @GetMapping("/supervision/overdue")
    String overdue(Model model) {
        List<RecommendationView> overdue = supervision.overdue();
        model.addAttribute("recommendations", overdue);
        model.addAttribute("today", supervision.today());
        model.addAttribute(
                "names",
                names(overdue.stream().map(RecommendationView::responsibleUnit).toList()));
        return "supervision/overdue";
    }

    private String planPage(PlanView plan, Model model) {
        Actor actor = CurrentActor.get();
        List<VisitView> visits = supervision.visits(plan.id());
        List<RecommendationView> recommendations = supervision.recommendations(plan.id());
        List<String> codes = new ArrayList<>();
        codes.add(plan.supervisingUnit());
        codes.addAll(plan.supervisedUnits());
        recommendations.forEach(r -> codes.add(r.responsibleUnit()));
        model.addAttribute("plan", plan);
        model.addAttribute("visits", visits);
        model.addAttribute("recommendations", recommendations);
        model.addAttribute("today", supervision.today());
        model.addAttribute("names", names(codes));
        model.addAttribute("contacts", supervision.contacts(plan.supervisedUnits()));
        boolean canPlan = supervision.canPlan(actor, plan.supervisingUnit());
        model.addAttribute("canPlan", canPlan);
        Map<String, Boolean> canSetContact = new LinkedHashMap<>();
        plan.supervisedUnits()
                .forEach(u -> canSetContact.put(u, canPlan || (actor.canManage() && organisation.covers(actor, u))));
        model.addAttribute("canSetContact", canSetContact);
        List<OrgUnitView> responsible = new ArrayList<>();
        if (canPlan) {
            for (String unit : plan.supervisedUnits()) {
                organisation.find(unit, supervision.today()).ifPresent(responsible::add);
                if (organisation
                        .find(unit, supervision.today())
                        .map(OrgUnitView::isCommune)
                        .orElse(false)) {
                    organisation.villages(unit, supervision.today()).stream()
                            .filter(v -> v.validTo() == null)
                            .forEach(responsible::add);
                }
            }
        }
        model.addAttribute("responsibleUnits", responsible);
        return "supervision/plan";
    }

    private Map<String, String> names(List<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> distinct = codes.stream().filter(c -> c != null).distinct().toList();
        if (!distinct.isEmpty()) {
            organisation.findAll(distinct, supervision.today()).forEach(u -> names.put(u.code(), u.fullName()));
        }
        distinct.forEach(c -> names.putIfAbsent(c, c));
        return names;
    }

    private static void addErrors(BindingResult result, InvalidSupervisionInput e) {
        for (InvalidSupervisionInput.Problem p : e.problems()) {
            if (p.field() == null) {
                result.reject(p.messageKey(), p.argumentArray(), p.messageKey());
            } else {
                result.rejectValue(p.field(), p.messageKey(), p.argumentArray(), p.messageKey());
            }
        }
    }
}
