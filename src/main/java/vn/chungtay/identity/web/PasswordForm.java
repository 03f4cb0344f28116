package vn.chungtay.identity.web;

/** Changing one's own password: the current one, and the new one twice. */
record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
