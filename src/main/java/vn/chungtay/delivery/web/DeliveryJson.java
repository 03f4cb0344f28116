package vn.chungtay.delivery.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.chungtay.delivery.DeliveryView;

/** A delivery in the officers' API: amounts in whole đồng; children by id only; files without their bytes. */
record DeliveryJson(
        long id,
        long needId,
        long campaignId,
        String unitCode,
        String communeCode,
        String categoryCode,
        int year,
        String season,
        LocalDate date,
        long amount,
        long value,
        List<ItemJson> items,
        int childrenCount,
        List<Long> childIds,
        String handedOverBy,
        String note,
        String status,
        boolean duplicateConfirmed,
        List<FileJson> files,
        String recordedBy,
        Instant recordedAt) {

    record ItemJson(String name, String unit, long quantity, long value) {}

    record FileJson(
            long id, String kind, String proofKind, String contentType, int sizeBytes, String sha256, String url) {}

    static DeliveryJson of(DeliveryView d) {
        return new DeliveryJson(
                d.id().value(),
                d.needId(),
                d.campaignId(),
                d.unitCode(),
                d.communeCode(),
                d.categoryCode(),
                d.year(),
                d.season(),
                d.date(),
                d.amount().dong(),
                d.value().dong(),
                d.items().stream()
                        .map(i -> new ItemJson(
                                i.name(), i.unit(), i.quantity(), i.value().dong()))
                        .toList(),
                d.childrenCount(),
                d.children().stream()
                        .map(DeliveryView.Recipient::childId)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                d.handedOverBy(),
                d.note(),
                d.status().name(),
                d.duplicateConfirmed(),
                d.files().stream()
                        .map(f -> new FileJson(
                                f.id(),
                                f.kind().name(),
                                f.proofKind() == null ? null : f.proofKind().name(),
                                f.contentType(),
                                f.sizeBytes(),
                                f.sha256(),
                                "/deliveries/" + d.id() + "/files/" + f.id()))
                        .toList(),
                d.recordedBy(),
                d.recordedAt());
    }
}
