package vn.chungtay.identity;

import vn.chungtay.shared.security.Role;

/** What it takes to create an account; scope may be null only for an ADMIN. */
public record NewUser(
        String username, String displayName, String email, Role role, String scopeCode, String password) {}
