package vn.chungtay.donor;

import java.time.Instant;
import java.util.List;

/** One merge of a donor into another: who did it, when and why, and whether (and by whom) it was undone. */
public record MergeRecord(
        long id,
        DonorId survivor,
        String survivorName,
        DonorId merged,
        String mergedName,
        String reason,
        List<String> filledFields,
        String mergedBy,
        Instant mergedAt,
        String undoneBy,
        Instant undoneAt,
        String undoReason) {

    public MergeRecord {
        filledFields = List.copyOf(filledFields);
    }

    public boolean undone() {
        return undoneAt != null;
    }
}
