package vn.chungtay.need;

import java.util.List;

/**
 * The need looks like one already open or funded (same child or same group unit, same category,
 * year and season). Nothing was saved; saving again with {@code confirmDuplicate} records it anyway.
 */
public class DuplicateNeedWarning extends RuntimeException {
    private final List<NeedView> duplicates;

    public DuplicateNeedWarning(List<NeedView> duplicates) {
        super("Likely duplicate of needs "
                + duplicates.stream().map(NeedView::id).toList());
        this.duplicates = List.copyOf(duplicates);
    }

    public List<NeedView> duplicates() {
        return duplicates;
    }
}
