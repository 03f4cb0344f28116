package vn.chungtay.delivery;

import java.util.List;

/**
 * Some of the children already received support of the same category in the same season (from
 * anyone); recording again needs a confirmation. Answered 409 with the earlier support.
 */
public class DuplicateSupportWarning extends RuntimeException {
    private final List<SupportRecord> earlier;

    public DuplicateSupportWarning(List<SupportRecord> earlier) {
        super(earlier.size() + " earlier support records of the same category and season");
        this.earlier = List.copyOf(earlier);
    }

    public List<SupportRecord> earlier() {
        return earlier;
    }
}
