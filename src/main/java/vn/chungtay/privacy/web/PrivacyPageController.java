package vn.chungtay.privacy.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.privacy.AccessExport;
import vn.chungtay.privacy.BreachForm;
import vn.chungtay.privacy.BreachId;
import vn.chungtay.privacy.InvalidPrivacyInput;
import vn.chungtay.privacy.PrivacyManagement;
import vn.chungtay.privacy.RequestChannel;
import vn.chungtay.privacy.RequestForm;
import vn.chungtay.privacy.RequestId;
import vn.chungtay.privacy.RequestKind;

/** The officers' pages for data-subject requests and the breach register. */
@Controller
class PrivacyPageController {

    private final PrivacyManagement privacy;
    private final MessageSource messages;

    PrivacyPageController(PrivacyManagement privacy, MessageSource messages) {
        this.privacy = privacy;
        this.messages = messages;
    }

    @GetMapping("/privacy/requests")
    String list(
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("page", privacy.list(overdue, page, 50));
        model.addAttribute("overdueOnly", overdue);
        model.addAttribute("today", privacy.today());
        model.addAttribute("pageUrl", "/privacy/requests?overdue=" + overdue + "&");
        return "privacy/requests";
    }

    @GetMapping("/privacy/requests/new")
    String newRequest(@RequestParam(name = "child", required = false) Long child, Model model) {
        return form(RequestForm.forChild(child), null, model);
    }

    @PostMapping("/privacy/requests")
    String receive(@ModelAttribute("form") RequestForm form, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            var request = privacy.receive(form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "privacy.flash.received", new Object[] {request.id().value()}, locale));
            return "redirect:/privacy/requests/" + request.id();
        } catch (InvalidPrivacyInput e) {
            return form(form, e, model);
        }
    }

    @GetMapping("/privacy/requests/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("request", privacy.get(new RequestId(id)));
        model.addAttribute("today", privacy.today());
        return "privacy/request";
    }

    @PostMapping("/privacy/requests/{id:\\d+}/start")
    String start(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, () -> privacy.start(new RequestId(id)));
    }

    @PostMapping("/privacy/requests/{id:\\d+}/complete")
    String complete(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect,
            Locale locale) {
        if (!confirm) {
            redirect.addFlashAttribute("flashError", messages.getMessage("privacy.flash.confirmNeeded", null, locale));
            return "redirect:/privacy/requests/" + id;
        }
        return step(id, redirect, locale, () -> privacy.complete(new RequestId(id), note));
    }

    @PostMapping("/privacy/requests/{id:\\d+}/refuse")
    String refuse(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect,
            Locale locale) {
        return step(id, redirect, locale, () -> privacy.refuse(new RequestId(id), note));
    }

    @GetMapping("/privacy/requests/{id:\\d+}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        AccessExport export = privacy.accessExport(new RequestId(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(export.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.fileName())
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export.content());
    }

    @GetMapping("/privacy/breaches")
    String breaches(Model model) {
        return breachPage(new BreachForm(null, null, null, null, null), null, model);
    }

    @PostMapping("/privacy/breaches")
    String recordBreach(
            @ModelAttribute("form") BreachForm form, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            var breach = privacy.recordBreach(form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "privacy.flash.breachRecorded",
                            new Object[] {breach.id().value()},
                            locale));
            return "redirect:/privacy/breaches";
        } catch (InvalidPrivacyInput e) {
            return breachPage(form, e, model);
        }
    }

    @PostMapping("/privacy/breaches/{id:\\d+}/{step:authority-notified|people-notified|close}")
    String breachStep(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(defaultValue = "") String at,
            RedirectAttributes redirect,
            Locale locale) {
        BreachId breach = new BreachId(id);
        try {
            switch (step) {
                case "authority-notified" -> privacy.authorityNotified(breach, at);
                case "people-notified" -> privacy.peopleNotified(breach, at);
                default -> privacy.close(breach, at);
            }
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("privacy.flash.saved", null, locale));
        } catch (InvalidPrivacyInput e) {
            redirect.addFlashAttribute("flashError", message(e, locale));
        }
        return "redirect:/privacy/breaches";
    }

    private String step(long id, RedirectAttributes redirect, Locale locale, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("privacy.flash.saved", null, locale));
        } catch (InvalidPrivacyInput e) {
            redirect.addFlashAttribute("flashError", message(e, locale));
        }
        return "redirect:/privacy/requests/" + id;
    }

    private String form(RequestForm form, InvalidPrivacyInput error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", RequestKind.values());
        model.addAttribute("channels", RequestChannel.values());
        model.addAttribute("errorMessage", error == null ? null : message(error, LocaleContextHolder.getLocale()));
        model.addAttribute("requestDays", privacy.requestDays());
        return "privacy/request-form";
    }

    private String breachPage(BreachForm form, InvalidPrivacyInput error, Model model) {
        model.addAttribute("breaches", privacy.breaches());
        model.addAttribute("now", privacy.now());
        model.addAttribute("form", form);
        model.addAttribute("errorMessage", error == null ? null : message(error, LocaleContextHolder.getLocale()));
        return "privacy/breaches";
    }

    private String message(InvalidPrivacyInput e, Locale locale) {
        return messages.getMessage("privacy.field." + e.field(), null, e.field(), locale) + ": "
                + messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }
}
