package vn.chungtay.donorportal.web;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.donorportal.DonorPortal;
import vn.chungtay.donorportal.MyGift;
import vn.chungtay.donorportal.NoEmailAddress;
import vn.chungtay.organisation.OrganisationManagement;

/** The donor's own gifts page, their receipts and yearly statements. */
@Controller
class MyGiftsController {

    private final DonorPortal portal;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    MyGiftsController(DonorPortal portal, OrganisationManagement organisation, MessageSource messages) {
        this.portal = portal;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/my/gifts")
    String gifts(Model model, Locale locale) {
        List<MyGift> gifts = portal.myGifts(locale);
        TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
        years.add(organisation.today().getYear());
        gifts.forEach(g -> years.add(g.receivedOn().getYear()));
        model.addAttribute("me", portal.me());
        model.addAttribute("gifts", gifts);
        model.addAttribute("years", years);
        return "donorportal/gifts";
    }

    @GetMapping("/my/gifts/{id}/receipt.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable long id) {
        return pdf(portal.receiptPdf(id), "bien-nhan-" + id + ".pdf");
    }

    @GetMapping("/my/statements/{year}.pdf")
    ResponseEntity<byte[]> statement(@PathVariable int year) {
        return pdf(portal.statementPdf(year), "bang-ke-" + year + ".pdf");
    }

    @PostMapping("/my/statements/{year}/mail")
    String mailStatement(@PathVariable int year, RedirectAttributes redirect, Locale locale) {
        try {
            String to = portal.mailStatement(year);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("donor.portal.mailed", new Object[] {String.valueOf(year), to}, locale));
        } catch (NoEmailAddress e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("donor.portal.noEmail", null, locale));
        }
        return "redirect:/my/gifts";
    }

    private static ResponseEntity<byte[]> pdf(byte[] content, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(content);
    }
}
