package vn.chungtay.donor.web;

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
import vn.chungtay.donor.DonorKind;
import vn.chungtay.donor.DonorSignUp;
import vn.chungtay.donor.InvalidDonor;
import vn.chungtay.donor.SignUpForm;
import vn.chungtay.donor.SignUpOutcome;

/**
 * A donor's own sign-up without signing in: the form, "check your e-mail", and the link from the
 * e-mail — which shows a button, so that a mail scanner opening the link creates nothing.
 */
@Controller
@RequestMapping("/public/donors/signup")
class SignUpController {

    private final DonorSignUp signUps;
    private final MessageSource messages;

    SignUpController(DonorSignUp signUps, MessageSource messages) {
        this.signUps = signUps;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        return form(SignUpForm.empty(), Map.of(), model);
    }

    @PostMapping
    String signUp(@ModelAttribute("form") SignUpForm form, Model model, Locale locale) {
        try {
            signUps.signUp(form, locale);
        } catch (InvalidDonor e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems()
                    .forEach(p -> errors.putIfAbsent(
                            p.field(), messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale)));
            return form(form.withoutPassword(), errors, model);
        }
        return "redirect:/public/donors/signup/sent";
    }

    @GetMapping("/sent")
    String sent(Model model) {
        return result(model, "donor.signUp.sent.heading", "donor.signUp.sent.text", "alert-info", null);
    }

    @GetMapping("/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
        SignUpOutcome outcome = signUps.check(token);
        if (outcome != SignUpOutcome.CREATED) {
            return outcome(outcome, null, model);
        }
        model.addAttribute("token", token);
        return "donor/signup-confirm";
    }

    @PostMapping("/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        DonorSignUp.Confirmed confirmed = signUps.confirm(token);
        return outcome(confirmed.outcome(), confirmed.username(), model);
    }

    private String outcome(SignUpOutcome outcome, String username, Model model) {
        return switch (outcome) {
            case CREATED ->
                result(model, "donor.signUp.created.heading", "donor.signUp.created.text", "alert-success", username);
            case ALREADY_REGISTERED ->
                result(model, "donor.signUp.already.heading", "donor.signUp.already.text", "alert-info", username);
            case USED -> result(model, "donor.signUp.used.heading", "donor.signUp.used.text", "alert-warning", null);
            case EXPIRED ->
                result(model, "donor.signUp.expired.heading", "donor.signUp.expired.text", "alert-warning", null);
            case INVALID ->
                result(model, "donor.signUp.invalid.heading", "donor.signUp.invalid.text", "alert-warning", null);
        };
    }

    private String form(SignUpForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", DonorKind.values());
        model.addAttribute("minPassword", 10);
        model.addAttribute("maxEmail", DonorSignUp.MAX_EMAIL);
        return "donor/signup";
    }

    private static String result(Model model, String heading, String text, String alert, String username) {
        model.addAttribute("heading", heading);
        model.addAttribute("text", text);
        model.addAttribute("alert", alert);
        model.addAttribute("username", username);
        model.addAttribute("hours", DonorSignUp.VALID_HOURS);
        return "donor/signup-result";
    }
}
