package vn.chungtay.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An outreach activity as officers and other modules see it; photos by id only. */
public record ActivityView(
        ActivityId id,
        LocalDate date,
        String communeCode,
        String provinceCode,
        List<String> villageCodes,
        OutreachMethod method,
        List<Topic> topics,
        String organisers,
        String partners,
        int peopleReached,
        int householdsReached,
        String language,
        String notes,
        List<PhotoView> photos,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    public ActivityView {
        villageCodes = List.copyOf(villageCodes);
        topics = List.copyOf(topics);
        photos = List.copyOf(photos);
    }

    /** A photo's facts: never its bytes. */
    public record PhotoView(
            long id, String filename, String contentType, int sizeBytes, String sha256, Instant uploadedAt) {}
}
