package vn.chungtay.donor;

/** A donor's own sign-up: the name to register, the e-mail (also the username), a password and the kind. */
public record SignUpForm(String name, String email, String password, DonorKind kind) {

    public static SignUpForm empty() {
        return new SignUpForm("", "", "", DonorKind.INDIVIDUAL);
    }

    /** The same form without the password, to show again after a mistake. */
    public SignUpForm withoutPassword() {
        return new SignUpForm(name, email, "", kind);
    }
}
