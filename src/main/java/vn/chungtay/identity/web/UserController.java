package vn.chungtay.identity.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.identity.InvalidUserInput;
import vn.chungtay.identity.UserView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/** Managing the users of one's scope: list and search, create, edit, reset a password. */
@Controller
@RequestMapping("/users")
class UserController {

    static final int PAGE_SIZE = 20;

    private final IdentityManagement identity;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    UserController(IdentityManagement identity, OrganisationManagement organisation, MessageSource messages) {
        this.identity = identity;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        Page<UserView> users = identity.listUsers(CurrentActor.get(), query, page, PAGE_SIZE);
        model.addAttribute("page", users);
        model.addAttribute("q", query);
        model.addAttribute("now", Instant.now());
        model.addAttribute(
                "pageUrl", "/users?" + (query.isBlank() ? "" : "q=" + UriUtils.encode(query, "UTF-8") + "&"));
        model.addAttribute("scopeNames", scopeNames(users.items()));
        return "identity/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        requireManager();
        return form(model, UserForm.empty(), null);
    }

    @PostMapping
    String create(
            @ModelAttribute("userForm") UserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        requireManager();
        if (form.password() != null && !form.password().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "identity.password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                UserView created = identity.createUser(CurrentActor.get(), form.toNewUser());
                redirect.addFlashAttribute(
                        "flashSuccess",
                        messages.getMessage("identity.user.created", new Object[] {created.username()}, locale));
                return "redirect:/users";
            } catch (InvalidUserInput invalid) {
                FormErrors.addTo(errors, invalid);
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UserView user = identity.getUser(CurrentActor.get(), id);
        model.addAttribute("resetForm", ResetPasswordForm.empty());
        return form(model, UserForm.of(user), user);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("userForm") UserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        UserView user = identity.getUser(CurrentActor.get(), id);
        try {
            UserView updated = identity.updateUser(CurrentActor.get(), id, form.toChanges());
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("identity.user.updated", new Object[] {updated.username()}, locale));
            return "redirect:/users";
        } catch (InvalidUserInput invalid) {
            FormErrors.addTo(errors, invalid);
        }
        model.addAttribute("resetForm", ResetPasswordForm.empty());
        return form(model, form, user);
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @ModelAttribute("resetForm") ResetPasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        UserView user = identity.getUser(CurrentActor.get(), id);
        if (form.newPassword() != null && !form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "identity.password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                identity.resetPassword(CurrentActor.get(), id, form.newPassword());
                redirect.addFlashAttribute(
                        "flashSuccess",
                        messages.getMessage("identity.password.reset", new Object[] {user.username()}, locale));
                return "redirect:/users/" + id + "/edit";
            } catch (InvalidUserInput invalid) {
                FormErrors.addTo(errors, invalid);
            }
        }
        return form(model, UserForm.of(user), user);
    }

    private String form(Model model, UserForm form, UserView existing) {
        Actor actor = CurrentActor.get();
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", form);
        }
        model.addAttribute("existing", existing);
        model.addAttribute("roles", assignableRoles(actor));
        model.addAttribute("actorScope", actor.scopeCode());
        return "identity/user-form";
    }

    private void requireManager() {
        Actor actor = CurrentActor.get();
        if (!identity.canManageUsers(actor)) {
            throw new OutsideScope(actor.username() + " may not manage users");
        }
    }

    private static List<Role> assignableRoles(Actor actor) {
        return Arrays.stream(Role.values())
                .filter(role -> role != Role.DONOR)
                .filter(role -> actor.has(Role.ADMIN) || role != Role.ADMIN)
                .toList();
    }

    private Map<String, String> scopeNames(List<UserView> users) {
        List<String> codes = users.stream()
                .map(UserView::scopeCode)
                .filter(code -> code != null)
                .distinct()
                .toList();
        return organisation.findAll(codes, organisation.today()).stream()
                .collect(Collectors.toMap(OrgUnitView::code, OrgUnitView::fullName, (a, b) -> a));
    }
}
