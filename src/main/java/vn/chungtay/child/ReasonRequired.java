package vn.chungtay.child;

/** A supervisor must say why before reading a child's record. */
public class ReasonRequired extends RuntimeException {
    public ReasonRequired() {
        super("A supervisor reads a child record only with a reason");
    }
}
