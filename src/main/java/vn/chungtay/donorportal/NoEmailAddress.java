package vn.chungtay.donorportal;

/** The donor has no e-mail address to send a statement to. */
public class NoEmailAddress extends RuntimeException {
    public NoEmailAddress() {
        super("The donor has no e-mail address");
    }
}
