package vn.chungtay.outreach.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.chungtay.outreach.ActivityView;

/** An activity in the API: photos by their facts and the address that serves them within scope. */
record ActivityJson(
        long id,
        LocalDate date,
        String communeCode,
        String provinceCode,
        List<String> villageCodes,
        String method,
        List<String> topics,
        String organisers,
        String partners,
        int peopleReached,
        int householdsReached,
        String language,
        String notes,
        List<Photo> photos,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    record Photo(long id, String filename, String contentType, int sizeBytes, String sha256, String url) {}

    static ActivityJson of(ActivityView a) {
        return new ActivityJson(
                a.id().value(),
                a.date(),
                a.communeCode(),
                a.provinceCode(),
                a.villageCodes(),
                a.method().name(),
                a.topics().stream().map(Enum::name).toList(),
                a.organisers(),
                a.partners(),
                a.peopleReached(),
                a.householdsReached(),
                a.language(),
                a.notes(),
                a.photos().stream()
                        .map(p -> new Photo(
                                p.id(),
                                p.filename(),
                                p.contentType(),
                                p.sizeBytes(),
                                p.sha256(),
                                "/outreach/" + a.id().value() + "/photos/" + p.id()))
                        .toList(),
                a.createdBy(),
                a.createdAt(),
                a.updatedBy(),
                a.updatedAt());
    }
}
