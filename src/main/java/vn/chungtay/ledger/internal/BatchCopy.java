package vn.chungtay.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format for the batch posting path: tab-separated, {@code \N} for
 * null, backslash, tab, line feed and carriage return escaped. COPY fires the tables' row triggers
 * and checks their constraints like INSERT does (the balance trigger and the append-only rules).
 */
final class BatchCopy {

    static final String ENTRY_COPY = """
            copy ledger_entry (id, campaign_id, sequence, kind, entry_date, amount_dong, item_name, item_unit,
                item_quantity, item_key, from_account, to_account, commune_code, village_code, category_code,
                need_id, donor_id, donor_public_name, public_message, children_count, reverses_id,
                reverses_sequence, reason, source_ref, search_folded, reference_keys, previous_hash, hash, created_by)
            from stdin (format text)""";

    static final String LOT_COPY = """
            copy ledger_lot (campaign_id, account, item_key, via_id, receipt_id, via_sequence, receipt_sequence,
                amount_dong, quantity)
            from stdin (format text)""";

    static final String TRACE_COPY = """
            copy ledger_trace (entry_id, receipt_id, from_via_id, to_via_id, amount_dong, quantity)
            from stdin (format text)""";

    private BatchCopy() {}

    /**
     * One COPY into a table, fed row by row and sent in pieces of about {@value #PIECE} characters,
     * so a batch of any size never sits in memory as one text.
     */
    static final class Writer implements AutoCloseable {
        private static final int PIECE = 256 * 1024;
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(PIECE + 4096);
        private boolean ended;

        Writer(Connection connection, String sql) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        /** One row: the values' text ({@code toString}) or {@code \N}, tab-separated. */
        void row(Object... values) throws SQLException {
            BatchCopy.row(buffer, values);
            if (buffer.length() >= PIECE) {
                flush();
            }
        }

        void entry(Stored e, String folded, List<String> referenceKeys, String createdBy) throws SQLException {
            row(
                    e.id(),
                    e.campaignId(),
                    e.sequence(),
                    e.kind().name(),
                    e.date(),
                    e.amount(),
                    e.item() == null ? null : e.item().name(),
                    e.item() == null ? null : e.item().unit(),
                    e.item() == null ? null : e.item().quantity(),
                    e.itemKey(),
                    e.fromAccount(),
                    e.toAccount(),
                    e.communeCode(),
                    e.villageCode(),
                    e.categoryCode(),
                    e.needId(),
                    e.donorId(),
                    e.donorPublicName(),
                    e.publicMessage(),
                    e.childrenCount(),
                    e.reversesId(),
                    e.reversesSequence(),
                    e.reason(),
                    e.sourceRef(),
                    folded,
                    textArray(referenceKeys),
                    e.previousHash(),
                    e.hash(),
                    createdBy);
        }

        private void flush() throws SQLException {
            if (!buffer.isEmpty()) {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            }
        }

        /** Sends the rest and ends the COPY: the rows are in the table (or the database said why not). */
        long end() throws SQLException {
            flush();
            ended = true;
            return copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (!ended && copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** One row into {@code out}: the values' text or {@code \N}, tab-separated, ending in a line feed. */
    static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
            } else {
                escape(out, value.toString());
            }
        }
        out.append('\n');
    }

    /** A text[] literal: every element double-quoted, quotes and backslashes escaped. */
    static String textArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            String value = values.get(i);
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
