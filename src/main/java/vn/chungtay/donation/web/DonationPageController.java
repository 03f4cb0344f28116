package vn.chungtay.donation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.donation.Channel;
import vn.chungtay.donation.DonationManagement;
import vn.chungtay.donation.DonationQuery;
import vn.chungtay.donation.GiftForm;
import vn.chungtay.donation.GiftId;
import vn.chungtay.donation.GiftView;
import vn.chungtay.donation.InvalidDonation;
import vn.chungtay.donor.DonorKind;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;

/** Officers' gift pages: the list with filters, one form for every channel, a gift with its receipt and reversal. */
@Controller
class DonationPageController {

    private static final int ITEM_ROWS = 3;

    private final DonationManagement donations;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    DonationPageController(
            DonationManagement donations,
            NeedManagement needs,
            OrganisationManagement organisation,
            MessageSource messages) {
        this.donations = donations;
        this.needs = needs;
        this.organisation = organisation;
        this.messages = messages;
    }

    /** Amounts typed the Vietnamese way ("1.500.000", "1 500 000 đ") read as whole đồng. */
    @InitBinder("giftForm")
    void lenientNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String digits = text == null ? "" : text.replaceAll("[\\s.,₫đĐ]|VND|vnd", "");
                if (digits.isEmpty()) {
                    setValue(null);
                } else if (digits.matches("\\d{1,15}")) {
                    setValue(Long.parseLong(digits));
                } else {
                    throw new IllegalArgumentException("not a whole number: " + text);
                }
            }
        });
    }

    @GetMapping("/donations")
    String list(
            @RequestParam(required = false) Long campaign,
            @RequestParam(defaultValue = "") String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        Channel wanted = parseChannel(channel);
        Page<GiftView> found = donations.find(new DonationQuery(campaign, null, wanted, from, to, q, null), page, 25);
        model.addAttribute("page", found);
        model.addAttribute("campaign", campaign);
        model.addAttribute("channel", wanted == null ? "" : wanted.name());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("q", q);
        model.addAttribute("channels", Channel.values());
        model.addAttribute(
                "pageUrl",
                "/donations?campaign=" + (campaign == null ? "" : campaign) + "&channel=" + encode(channel) + "&from="
                        + (from == null ? "" : from) + "&to=" + (to == null ? "" : to) + "&q=" + encode(q) + "&");
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "donation/list :: results";
        }
        Actor actor = CurrentActor.get();
        model.addAttribute("canRecord", actor.canManage());
        model.addAttribute(
                "receiving", actor.canManage() ? donations.campaignsFor(null, organisation.today()) : List.of());
        return "donation/list";
    }

    @GetMapping("/donations/new")
    String newGift(
            @RequestParam(required = false) Long campaign,
            @RequestParam(required = false) Long need,
            @RequestParam(required = false) String unit,
            Model model) {
        requireManager();
        GiftForm empty = GiftForm.empty(campaign, organisation.today());
        if (need != null) {
            empty = new GiftForm(
                    empty.campaignId(),
                    null,
                    "",
                    "INDIVIDUAL",
                    true,
                    "",
                    "",
                    "",
                    false,
                    true,
                    Channel.CASH.name(),
                    null,
                    empty.receivedOn(),
                    need,
                    "",
                    "",
                    "",
                    "",
                    List.of());
        }
        model.addAttribute("giftForm", empty);
        return form(model, empty, unit);
    }

    @PostMapping("/donations")
    String create(
            @ModelAttribute("giftForm") GiftForm form,
            BindingResult result,
            @RequestParam(required = false) String unit,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (!result.hasErrors()) {
            try {
                GiftView gift = donations.record(form);
                redirect.addFlashAttribute(
                        "flashSuccess",
                        messages.getMessage("donation.recorded", new Object[] {gift.receiptNumber()}, locale));
                return "redirect:/donations/" + gift.id();
            } catch (InvalidDonation e) {
                for (InvalidDonation.Problem p : e.problems()) {
                    if (p.field() == null || p.field().startsWith("items")) {
                        result.reject(p.messageKey(), p.argumentArray(), p.messageKey());
                    } else {
                        result.rejectValue(p.field(), p.messageKey(), p.argumentArray(), p.messageKey());
                    }
                }
            } catch (LedgerRuleBroken e) {
                result.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        } else {
            result.reject("donation.error.form");
            result.getFieldErrors().stream()
                    .map(e -> e.getField())
                    .filter(f -> f.startsWith("items["))
                    .map(f -> Integer.parseInt(f.substring(6, f.indexOf(']'))) + 1)
                    .distinct()
                    .forEach(row -> result.reject(
                            "donation.error.itemNumber", new Object[] {row}, "donation.error.itemNumber"));
        }
        return form(model, form, unit);
    }

    @GetMapping("/donations/{id}")
    String show(@PathVariable long id, Model model) {
        GiftView gift = donations.get(new GiftId(id));
        Actor actor = CurrentActor.get();
        model.addAttribute("gift", gift);
        model.addAttribute("campaignName", donations.campaignName(gift.campaignId()));
        model.addAttribute("unitName", name(gift.receivingUnitCode()));
        model.addAttribute("communeName", gift.earmarkCommuneCode() == null ? null : name(gift.earmarkCommuneCode()));
        model.addAttribute("canManage", donations.canManage(actor, gift.receivingUnitCode()));
        return "donation/detail";
    }

    @GetMapping("/donations/{id}/receipt.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable long id) {
        GiftId giftId = new GiftId(id);
        GiftView gift = donations.get(giftId);
        byte[] pdf = donations.receiptPdf(giftId);
        String file = "bien-nhan-" + gift.receiptNumber().replaceAll("[^A-Za-z0-9]+", "-") + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file).build().toString())
                .body(pdf);
    }

    @PostMapping("/donations/{id}/receipt/send")
    String sendReceipt(
            @PathVariable long id,
            @RequestParam(required = false) String email,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            String to = donations.sendReceipt(new GiftId(id), email);
            redirect.addFlashAttribute(
                    "flashSuccess", messages.getMessage("donation.receipt.sent", new Object[] {to}, locale));
        } catch (InvalidDonation e) {
            InvalidDonation.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        }
        return "redirect:/donations/" + id;
    }

    @PostMapping("/donations/{id}/reverse")
    String reverse(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            GiftView gift = donations.reverse(new GiftId(id), reason);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("donation.reversed", new Object[] {gift.receiptNumber()}, locale));
        } catch (InvalidDonation e) {
            InvalidDonation.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        } catch (LedgerRuleBroken e) {
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
        return "redirect:/donations/" + id;
    }

    private String form(Model model, GiftForm form, String unit) {
        LocalDate day = form.receivedOn() == null ? organisation.today() : form.receivedOn();
        List<Campaign> campaigns = new ArrayList<>(donations.campaignsFor(unit, day));
        if (!day.equals(organisation.today())) {
            donations.campaignsFor(unit, organisation.today()).stream()
                    .filter(c -> campaigns.stream().noneMatch(x -> x.id().equals(c.id())))
                    .forEach(campaigns::add);
        }
        List<GiftForm.ItemForm> rows = new ArrayList<>(form.items());
        while (rows.size() < ITEM_ROWS) {
            rows.add(new GiftForm.ItemForm("", null, "", null, "", null));
        }
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("unit", unit);
        model.addAttribute("national", CurrentActor.get().isNational());
        model.addAttribute("itemRows", rows);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("kinds", DonorKind.values());
        model.addAttribute("categories", needs.categories());
        return "donation/form";
    }

    /** Only those who record gifts see the forms (supervisors and collaborators read). */
    static void requireManager() {
        Actor actor = CurrentActor.get();
        if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not record gifts or import statements");
        }
    }

    private String name(String code) {
        return organisation
                .find(code, organisation.today())
                .map(OrgUnitView::fullName)
                .orElse(code);
    }

    private static Channel parseChannel(String channel) {
        for (Channel c : Channel.values()) {
            if (c.name().equals(channel)) {
                return c;
            }
        }
        return null;
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
