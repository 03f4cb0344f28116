package vn.chungtay.identity;

import vn.chungtay.shared.security.Role;

/** The changeable parts of an account. */
public record UserChanges(String displayName, String email, Role role, String scopeCode, boolean enabled) {}
