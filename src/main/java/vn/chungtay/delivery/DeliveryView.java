package vn.chungtay.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.chungtay.shared.money.Vnd;

/**
 * A delivery as officers see it: {@code amount} is money handed over, {@code value} money plus goods
 * (what left the need's allocation); children by id only (null once their data was withdrawn).
 */
public record DeliveryView(
        DeliveryId id,
        long needId,
        long campaignId,
        String unitCode,
        String communeCode,
        String provinceCode,
        String categoryCode,
        int year,
        String season,
        LocalDate date,
        Vnd amount,
        Vnd value,
        List<Item> items,
        int childrenCount,
        List<Recipient> children,
        String handedOverBy,
        String note,
        DeliveryStatus status,
        boolean duplicateConfirmed,
        List<FileInfo> files,
        String recordedBy,
        Instant recordedAt) {

    /**
     * Goods handed over, with their value in đồng: {@code inKind} goods were given in kind and
     * allocated as goods (valued by the ledger), the others bought with the need's money.
     */
    public record Item(String name, String unit, long quantity, Vnd value, boolean inKind) {}

    /** A child who received part of it: {@code childId} null when the child's data was withdrawn. */
    public record Recipient(Long childId, String received, Vnd amount) {}

    /** A stored file: never its bytes, which are read one by one with an audit entry. */
    public record FileInfo(
            long id,
            FileKind kind,
            ProofKind proofKind,
            String contentType,
            int sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {
        public boolean image() {
            return !contentType.equals("application/pdf");
        }
    }

    public DeliveryView {
        items = List.copyOf(items);
        children = List.copyOf(children);
        files = List.copyOf(files);
    }

    public boolean awaitingProof() {
        return status == DeliveryStatus.AWAITING_PROOF;
    }

    public List<FileInfo> proofs() {
        return files.stream().filter(f -> f.kind() == FileKind.PROOF).toList();
    }

    public List<FileInfo> photos() {
        return files.stream().filter(f -> f.kind() == FileKind.PHOTO).toList();
    }
}
