package vn.chungtay.donation;

/**
 * What importing a statement did: {@code lines} read, {@code imported} new gift lines (matched to a
 * campaign or need automatically, or waiting in the queue), {@code duplicates} already imported
 * before, {@code setAside} new lines that are not gifts (debits, fees, interest, refunds).
 */
public record StatementImportResult(
        long importId,
        String layout,
        int lines,
        int imported,
        int matched,
        int duplicates,
        int unmatched,
        int setAside) {}
