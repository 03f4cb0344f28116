package vn.chungtay.identity.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.identity.CreatedApiToken;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.identity.InvalidUserInput;
import vn.chungtay.identity.UserView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/** My account: who I am, my password and my personal access tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    private final IdentityManagement identity;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    ProfileController(IdentityManagement identity, OrganisationManagement organisation, MessageSource messages) {
        this.identity = identity;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping
    String profile(Model model) {
        return page(model, PasswordForm.empty(), TokenForm.empty());
    }

    @PostMapping("/password")
    String changePassword(
            @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (form.newPassword() != null && !form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "identity.password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                identity.changeOwnPassword(CurrentActor.get(), form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute(
                        "flashSuccess", messages.getMessage("identity.password.changed", null, locale));
                return "redirect:/profile";
            } catch (InvalidUserInput invalid) {
                FormErrors.addTo(errors, invalid);
            }
        }
        return page(model, new PasswordForm("", "", ""), TokenForm.empty());
    }

    @PostMapping("/tokens")
    String createToken(
            @ModelAttribute("tokenForm") TokenForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            CreatedApiToken created = identity.createApiToken(CurrentActor.get(), form.name());
            redirect.addFlashAttribute("newToken", created);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("identity.token.created", null, locale));
            return "redirect:/profile";
        } catch (InvalidUserInput invalid) {
            FormErrors.addTo(errors, invalid);
            return page(model, PasswordForm.empty(), form);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        identity.revokeApiToken(CurrentActor.get(), id);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("identity.token.revoked", null, locale));
        return "redirect:/profile";
    }

    private String page(Model model, PasswordForm passwordForm, TokenForm tokenForm) {
        Actor actor = CurrentActor.get();
        UserView me = identity.me(actor);
        model.addAttribute("me", me);
        model.addAttribute(
                "scopeName",
                me.scopeCode() == null
                        ? null
                        : organisation
                                .find(me.scopeCode(), organisation.today())
                                .map(OrgUnitView::fullName)
                                .orElse(me.scopeCode()));
        model.addAttribute("tokens", identity.listApiTokens(actor));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", passwordForm);
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", tokenForm);
        }
        return "identity/profile";
    }
}
