package vn.chungtay.identity.web;

import vn.chungtay.identity.NewUser;
import vn.chungtay.identity.UserChanges;
import vn.chungtay.identity.UserView;
import vn.chungtay.shared.security.Role;

/** The user form, for creating (with a first password) and editing (without). */
record UserForm(
        String username,
        String displayName,
        String email,
        Role role,
        String scopeCode,
        Boolean enabled,
        String password,
        String confirmPassword) {

    static UserForm empty() {
        return new UserForm("", "", "", null, "", true, "", "");
    }

    static UserForm of(UserView user) {
        return new UserForm(
                user.username(),
                user.displayName(),
                user.email() == null ? "" : user.email(),
                user.role(),
                user.scopeCode() == null ? "" : user.scopeCode(),
                user.enabled(),
                "",
                "");
    }

    NewUser toNewUser() {
        return new NewUser(username, displayName, email, role, scopeCode, password);
    }

    UserChanges toChanges() {
        return new UserChanges(displayName, email, role, scopeCode, Boolean.TRUE.equals(enabled));
    }
}
