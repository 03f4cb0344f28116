package vn.chungtay.commendation.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.commendation.CommendationDocuments;
import vn.chungtay.commendation.CommendationForm;
import vn.chungtay.commendation.CommendationManagement;
import vn.chungtay.commendation.CommendationStepRefused;
import vn.chungtay.commendation.DonorGroup;
import vn.chungtay.commendation.DonorOrigin;
import vn.chungtay.commendation.InvalidCommendationInput;
import vn.chungtay.commendation.Proposal;
import vn.chungtay.commendation.ProposingLevel;
import vn.chungtay.commendation.RuleForm;
import vn.chungtay.commendation.ValueBasis;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * Commendation pages: the rules of a year and the proposals of the actor's scope; a proposal with
 * its candidates (achievements, exclusions, submission), the level above's decisions, and the
 * downloads (the tờ trình as DOCX, each approved donor's letter as PDF).
 */
@Controller
class CommendationPageController {

    private final CommendationManagement commendations;
    private final CommendationDocuments documents;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    CommendationPageController(
            CommendationManagement commendations,
            CommendationDocuments documents,
            OrganisationManagement organisation,
            MessageSource messages) {
        this.commendations = commendations;
        this.documents = documents;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/commendations")
    String index(@RequestParam(required = false) Integer year, Model model) {
        Actor actor = officer();
        int wanted = year == null ? organisation.today().getYear() : year;
        String owner = actor.scopeCode();
        model.addAttribute("year", wanted);
        model.addAttribute("rules", commendations.rulesFor(actor, wanted));
        model.addAttribute("canEditRules", commendations.canEditRules(actor, owner));
        model.addAttribute("ruleOwner", owner == null ? "" : owner);
        model.addAttribute("proposals", commendations.proposals(wanted));
        model.addAttribute("canGenerate", actor.canManage());
        model.addAttribute("levels", ProposingLevel.values());
        model.addAttribute("forms", CommendationForm.values());
        model.addAttribute("groups", DonorGroup.values());
        model.addAttribute("origins", DonorOrigin.values());
        model.addAttribute("bases", ValueBasis.values());
        return "commendation/index";
    }

    @PostMapping("/commendations/rules")
    String saveRule(@RequestParam Map<String, String> params, RedirectAttributes redirect, Locale locale) {
        officer();
        Integer year = integer(params.get("year"));
        run(
                () -> commendations.saveRule(new RuleForm(
                        params.get("unitCode"),
                        year,
                        params.get("level"),
                        params.get("form"),
                        params.get("donorGroup"),
                        params.get("origin"),
                        amount(params.get("thresholdDong")),
                        params.get("basis"))),
                "commendation.rule.saved",
                redirect,
                locale);
        return "redirect:/commendations" + (year == null ? "" : "?year=" + year);
    }

    @PostMapping("/commendations/rules/{id}/end")
    String endRule(
            @PathVariable long id,
            @RequestParam(required = false) Integer year,
            RedirectAttributes redirect,
            Locale locale) {
        officer();
        run(() -> commendations.deactivateRule(id), "commendation.rule.ended", redirect, locale);
        return "redirect:/commendations" + (year == null ? "" : "?year=" + year);
    }

    @PostMapping("/commendations/proposals")
    String generate(
            @RequestParam String unitCode,
            @RequestParam String year,
            @RequestParam(defaultValue = "") String periodFrom,
            @RequestParam(defaultValue = "") String periodTo,
            RedirectAttributes redirect,
            Locale locale) {
        officer();
        Integer wanted = integer(year);
        try {
            if (wanted == null) {
                throw new InvalidCommendationInput("year", "commendation.error.year");
            }
            Proposal proposal = commendations.generate(
                    unitCode, wanted, date(periodFrom, "periodFrom"), date(periodTo, "periodTo"));
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "commendation.proposal.generated",
                            new Object[] {proposal.candidates().size()},
                            locale));
            return "redirect:/commendations/proposals/" + proposal.id();
        } catch (InvalidCommendationInput e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments(), locale));
        } catch (CommendationStepRefused e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/commendations" + (wanted == null ? "" : "?year=" + wanted);
    }

    @GetMapping("/commendations/proposals/{id}")
    String proposal(@PathVariable long id, Model model) {
        Actor actor = officer();
        Proposal proposal = commendations.get(id);
        model.addAttribute("proposal", proposal);
        model.addAttribute("canEdit", commendations.canEdit(actor, proposal));
        model.addAttribute(
                "canDecide",
                commendations.canDecide(actor, proposal)
                        && proposal.status() == vn.chungtay.commendation.ProposalStatus.SUBMITTED);
        return "commendation/proposal";
    }

    @PostMapping("/commendations/candidates/{id}/{step:achievements|exclude|include|approve|reject}")
    String candidate(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect,
            Locale locale) {
        officer();
        long proposalId = commendations.candidate(id).proposalId();
        run(
                () -> {
                    switch (step) {
                        case "achievements" -> commendations.describe(id, text);
                        case "exclude" -> commendations.exclude(id, text);
                        case "include" -> commendations.include(id);
                        case "approve" -> commendations.decide(id, true, text);
                        default -> commendations.decide(id, false, text);
                    }
                },
                "commendation.candidate.done." + step,
                redirect,
                locale);
        return "redirect:/commendations/proposals/" + proposalId + "#candidate-" + id;
    }

    @PostMapping("/commendations/proposals/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        officer();
        run(() -> commendations.submit(id), "commendation.proposal.submitted", redirect, locale);
        return "redirect:/commendations/proposals/" + id;
    }

    @GetMapping("/commendations/proposals/{id}/document.docx")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        officer();
        return download(documents.proposal(id));
    }

    @GetMapping("/commendations/candidates/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        officer();
        return download(documents.letter(id));
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static ResponseEntity<byte[]> download(CommendationDocuments.Document document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName())
                                .build()
                                .toString())
                .body(document.content());
    }

    private void run(Runnable action, String successKey, RedirectAttributes redirect, Locale locale) {
        try {
            action.run();
            redirect.addFlashAttribute("flashSuccess", message(successKey, new Object[0], locale));
        } catch (InvalidCommendationInput e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments(), locale));
        } catch (CommendationStepRefused e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments(), locale));
        }
    }

    private String message(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private static Actor officer() {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.DONOR) || actor.has(Role.VILLAGE_COLLABORATOR)) {
            throw new OutsideScope(actor.username() + " may not see commendations");
        }
        return actor;
    }

    private static Integer integer(String value) {
        if (value == null || !value.strip().matches("\\d{1,4}")) {
            return null;
        }
        return Integer.parseInt(value.strip());
    }

    private static Long amount(String value) {
        String digits = value == null ? "" : value.replaceAll("[\\s.,₫]", "");
        if (!digits.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(digits);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidCommendationInput(field, "commendation.error.date");
        }
    }
}
