package vn.chungtay.delivery;

import java.util.List;

/** What one child received, from anyone, newest first; the child by public code only. */
public record SupportHistory(
        long childId, String publicCode, String villageCode, String communeCode, List<SupportRecord> records) {
    public SupportHistory {
        records = List.copyOf(records);
    }
}
