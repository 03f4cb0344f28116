package vn.chungtay.notification.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.notification.Confirmation;
import vn.chungtay.notification.InvalidSubscription;
import vn.chungtay.notification.SubscriptionForm;
import vn.chungtay.notification.SubscriptionManagement;
import vn.chungtay.notification.internal.Topics;

/**
 * Subscribing to the needs of a commune or a category without signing in, confirming by the link
 * in the e-mail, and unsubscribing in one click (the link shows a button; the form posts).
 */
@Controller
@RequestMapping("/public/subscriptions")
class SubscriptionController {

    private final SubscriptionManagement subscriptions;
    private final NeedManagement needs;
    private final Topics topics;
    private final MessageSource messages;

    SubscriptionController(
            SubscriptionManagement subscriptions, NeedManagement needs, Topics topics, MessageSource messages) {
        this.subscriptions = subscriptions;
        this.needs = needs;
        this.topics = topics;
        this.messages = messages;
    }

    @GetMapping("/new")
    String form(
            @RequestParam(defaultValue = "") String commune,
            @RequestParam(defaultValue = "") String category,
            Model model) {
        return form(new SubscriptionForm("", commune.trim(), category.trim()), Map.of(), model);
    }

    @PostMapping
    String subscribe(@ModelAttribute("form") SubscriptionForm form, Model model, Locale locale) {
        try {
            subscriptions.subscribe(form, locale);
        } catch (InvalidSubscription e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), null, locale)));
            return form(form, errors, model);
        }
        return "redirect:/public/subscriptions/pending";
    }

    @GetMapping("/pending")
    String pending(Model model) {
        return result(model, "notification.pending.heading", "notification.pending.text", "alert-info");
    }

    @GetMapping("/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        Confirmation confirmation = subscriptions.confirm(token);
        return switch (confirmation) {
            case CONFIRMED ->
                result(model, "notification.confirmed.heading", "notification.confirmed.text", "alert-success");
            case EXPIRED -> result(model, "notification.expired.heading", "notification.expired.text", "alert-warning");
            case INVALID -> result(model, "notification.invalid.heading", "notification.invalid.text", "alert-warning");
        };
    }

    @GetMapping("/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model, Locale locale) {
        return subscriptions
                .subscriptionOf(token, locale)
                .map(topic -> {
                    model.addAttribute("token", token);
                    model.addAttribute("topic", topics.describe(topic, locale));
                    return "notification/unsubscribe";
                })
                .orElseGet(() -> result(
                        model, "notification.unsubscribed.heading", "notification.unsubscribed.text", "alert-info"));
    }

    @PostMapping("/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        subscriptions.unsubscribe(token);
        return result(model, "notification.unsubscribed.heading", "notification.unsubscribed.text", "alert-success");
    }

    private String form(SubscriptionForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", needs.categories());
        model.addAttribute(
                "communeName",
                topics.currentCommune(form.commune()).map(c -> c.fullName()).orElse(null));
        return "notification/subscribe";
    }

    private static String result(Model model, String headingKey, String textKey, String style) {
        model.addAttribute("headingKey", headingKey);
        model.addAttribute("textKey", textKey);
        model.addAttribute("style", style);
        return "notification/result";
    }
}
