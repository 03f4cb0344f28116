package vn.chungtay.supervision;

import java.time.Instant;

/** One follow-up step of a recommendation, with its evidence file's facts (never its bytes). */
public record FollowUpView(
        long id,
        FollowUpStatus status,
        String note,
        String evidenceFilename,
        String evidenceContentType,
        String evidenceSha256,
        String recordedBy,
        Instant recordedAt) {

    public boolean hasEvidenceFile() {
        return evidenceFilename != null;
    }
}
