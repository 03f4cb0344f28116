package vn.chungtay.donation.web;

import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.donation.BankStatements;
import vn.chungtay.donation.DonationManagement;
import vn.chungtay.donation.GiftId;
import vn.chungtay.donation.InvalidDonation;
import vn.chungtay.donation.InvalidStatement;
import vn.chungtay.donation.QueuedLine;
import vn.chungtay.donation.StatementImportResult;
import vn.chungtay.donation.StatementLayout;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;

/** Statement pages: upload with a summary, the layouts and a form for a new one, the matching queue. */
@Controller
class StatementPageController {

    private final BankStatements statements;
    private final DonationManagement donations;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    StatementPageController(
            BankStatements statements,
            DonationManagement donations,
            OrganisationManagement organisation,
            MessageSource messages) {
        this.statements = statements;
        this.donations = donations;
        this.organisation = organisation;
        this.messages = messages;
    }

    /** The layout form's fields; lists are comma-separated. */
    record LayoutForm(
            String name,
            String headerSignature,
            String dateColumn,
            String dateFormat,
            String timeColumn,
            String creditColumn,
            String debitColumn,
            String amountColumn,
            String grouping,
            String messageColumn,
            String referenceColumns,
            String counterpartyColumn,
            String accountColumn) {

        static LayoutForm empty() {
            return new LayoutForm("", "", "", "dd/MM/yyyy", "", "", "", "", "DOT", "", "", "", "");
        }

        StatementLayout layout() {
            StatementLayout.Grouping g = "COMMA".equals(grouping)
                    ? StatementLayout.Grouping.COMMA
                    : "DOT".equals(grouping) ? StatementLayout.Grouping.DOT : null;
            return new StatementLayout(
                    null,
                    name,
                    headerSignature == null ? List.of() : List.of(headerSignature),
                    dateColumn,
                    dateFormat,
                    timeColumn,
                    creditColumn,
                    debitColumn,
                    amountColumn,
                    g,
                    messageColumn,
                    referenceColumns == null ? List.of() : List.of(referenceColumns),
                    counterpartyColumn,
                    accountColumn,
                    false);
        }
    }

    @GetMapping("/donations/statements")
    String upload(@RequestParam(required = false) String unit, Model model) {
        DonationPageController.requireManager();
        return uploadPage(model, unit);
    }

    @PostMapping("/donations/statements")
    String importStatement(
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) String layout,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            Locale locale)
            throws IOException {
        List<String> errors = new ArrayList<>();
        if (campaignId == null) {
            errors.add(messages.getMessage("donation.error.campaign", null, locale));
        }
        if (file == null || file.isEmpty()) {
            errors.add(messages.getMessage("donation.statement.error.empty", null, locale));
        }
        if (errors.isEmpty()) {
            try {
                StatementImportResult result =
                        statements.importStatement(campaignId, layout, file.getOriginalFilename(), file.getBytes());
                model.addAttribute("result", result);
            } catch (InvalidStatement e) {
                for (InvalidStatement.Problem p : e.problems()) {
                    String text = messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale);
                    errors.add(
                            p.row() > 0
                                    ? messages.getMessage(
                                            "donation.statement.rowProblem",
                                            new Object[] {Long.toString(p.row()), text},
                                            locale)
                                    : text);
                }
                model.addAttribute("refused", true);
            } catch (InvalidDonation e) {
                InvalidDonation.Problem p = e.first();
                errors.add(messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
            } catch (LedgerRuleBroken e) {
                errors.add(messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("layout", layout);
        return uploadPage(model, unit);
    }

    @GetMapping("/donations/statements/layouts/new")
    String newLayout(Model model) {
        DonationPageController.requireManager();
        model.addAttribute("layoutForm", LayoutForm.empty());
        return "donation/layout-form";
    }

    @PostMapping("/donations/statements/layouts")
    String defineLayout(
            @ModelAttribute("layoutForm") LayoutForm form,
            BindingResult result,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            StatementLayout layout = statements.defineLayout(form.layout());
            redirect.addFlashAttribute(
                    "flashSuccess", messages.getMessage("donation.layout.saved", new Object[] {layout.name()}, locale));
            return "redirect:/donations/statements";
        } catch (InvalidDonation e) {
            for (InvalidDonation.Problem p : e.problems()) {
                result.rejectValue(p.field(), p.messageKey(), p.argumentArray(), p.messageKey());
            }
        }
        return "donation/layout-form";
    }

    @GetMapping("/donations/statements/queue")
    String queue(
            @RequestParam(required = false) Long campaign,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<QueuedLine> found = statements.queue(campaign, page, 25);
        model.addAttribute("page", found);
        model.addAttribute("campaign", campaign);
        model.addAttribute(
                "canManage", vn.chungtay.shared.security.CurrentActor.get().canManage());
        model.addAttribute("campaigns", donations.campaignsFor(unit, organisation.today()));
        model.addAttribute(
                "pageUrl", "/donations/statements/queue?campaign=" + (campaign == null ? "" : campaign) + "&");
        return "donation/queue";
    }

    @PostMapping("/donations/statements/queue/{id}/match")
    String match(
            @PathVariable long id,
            @RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) Long needId,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            if (campaignId == null) {
                throw InvalidDonation.of("campaignId", "donation.error.campaign");
            }
            GiftId gift = statements.match(id, campaignId, needId);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("donation.queue.matched", new Object[] {gift.toString()}, locale));
        } catch (InvalidDonation e) {
            InvalidDonation.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        } catch (LedgerRuleBroken e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
        return "redirect:/donations/statements/queue";
    }

    @PostMapping("/donations/statements/queue/{id}/set-aside")
    String setAside(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            statements.setAside(id, reason);
            redirect.addFlashAttribute(
                    "flashSuccess", messages.getMessage("donation.queue.setAsideDone", null, locale));
        } catch (InvalidDonation e) {
            InvalidDonation.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        }
        return "redirect:/donations/statements/queue";
    }

    private String uploadPage(Model model, String unit) {
        List<Campaign> campaigns = donations.campaignsFor(unit, organisation.today());
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("layouts", statements.layouts());
        model.addAttribute("unit", unit);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "donation/statements";
    }
}
