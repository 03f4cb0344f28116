package vn.chungtay.identity.web;

/** A manager setting a new password for someone else. */
record ResetPasswordForm(String newPassword, String confirmPassword) {

    static ResetPasswordForm empty() {
        return new ResetPasswordForm("", "");
    }
}
