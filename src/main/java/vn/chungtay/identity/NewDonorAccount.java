package vn.chungtay.identity;

/**
 * A donor's own account, created when the donor confirmed their e-mail address: the username (the
 * e-mail address, or a plain username for demo accounts), the name shown, the password's hash from
 * {@link IdentityManagement#hashNewPassword} and the donor record it is linked to.
 */
public record NewDonorAccount(String username, String displayName, String email, String passwordHash, long donorId) {}
