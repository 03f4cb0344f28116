package vn.chungtay.child;

import java.util.List;

/** Likely duplicates exist and the officer has not confirmed that this is another child. Answered 409. */
public class DuplicatesFound extends RuntimeException {
    private final List<LikelyDuplicate> duplicates;

    public DuplicatesFound(List<LikelyDuplicate> duplicates) {
        super("Likely duplicates in "
                + duplicates.stream().map(LikelyDuplicate::communeCode).toList());
        this.duplicates = List.copyOf(duplicates);
    }

    public List<LikelyDuplicate> duplicates() {
        return duplicates;
    }
}
