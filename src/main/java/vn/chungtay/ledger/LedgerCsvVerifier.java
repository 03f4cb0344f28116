package vn.chungtay.ledger;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.chungtay.shared.csv.CsvReader;

/**
 * Recomputes a campaign's hash chain from the public CSV alone ({@code /public/ledger.csv}) and
 * checks it against a published head hash; plain Java, no database, no Spring. Run as
 * {@code java -jar chungtay.jar verify-ledger <file.csv> <headHash>} (or {@code bin/verify-ledger}).
 */
public final class LedgerCsvVerifier {

    private LedgerCsvVerifier() {}

    /**
     * What the check found: {@code ok} when every entry gives its hash and the head hash is one of
     * them ({@code headSequence}, normally the last); else the first broken {@code brokenSequence}
     * (null when the problem is not one entry's) and the {@code problem}.
     */
    public record Result(
            boolean ok,
            Long campaignId,
            long count,
            String lastHash,
            Long headSequence,
            Long brokenSequence,
            String problem) {}

    /** Command-line entry: prints the outcome and returns the exit code (0 intact, 1 broken or unreadable). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: verify-ledger <file.csv> <headHash>");
            err.println("  file.csv  the campaign's ledger from /public/ledger.csv?campaign=ID");
            err.println("  headHash  the published head (64 hex digits) from /public/ledger/head?campaign=ID");
            return 1;
        }
        Result result;
        try (Reader reader = new InputStreamReader(Files.newInputStream(Path.of(args[0])), StandardCharsets.UTF_8)) {
            result = verify(reader, args[1]);
        } catch (NoSuchFileException e) {
            err.println("verify-ledger: no such file: " + args[0]);
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("verify-ledger: cannot read " + args[0] + ": " + e.getMessage());
            return 1;
        }
        if (result.ok()) {
            out.println("OK: " + result.count() + " entries of campaign " + result.campaignId() + " verified; head "
                    + result.lastHash());
            if (result.headSequence() != null && result.headSequence() != result.count()) {
                out.println("The published head is entry " + result.headSequence() + "; the "
                        + (result.count() - result.headSequence())
                        + " entries after it are newer than that head.");
            }
            return 0;
        }
        if (result.brokenSequence() != null) {
            out.println("BROKEN at sequence " + result.brokenSequence() + ": " + result.problem());
        } else {
            out.println("BROKEN: " + result.problem());
        }
        return 1;
    }

    /** Checks a CSV against a head hash (which must be the hash of one of its entries). */
    public static Result verify(Reader csv, String headHash) {
        String head = headHash == null ? "" : headHash.strip().toLowerCase(Locale.ROOT);
        Check check = new Check();
        List<String> header;
        try {
            header = CsvReader.read(csv, check::accept);
        } catch (CsvReader.MalformedCsv e) {
            return check.fail(null, "the file is not valid CSV: " + e.getMessage());
        }
        if (!header.equals(LedgerHashing.CSV_COLUMNS)) {
            return new Result(
                    false,
                    null,
                    0,
                    null,
                    null,
                    null,
                    "the header is not that of a ChungTay ledger CSV: expected "
                            + String.join(",", LedgerHashing.CSV_COLUMNS));
        }
        if (check.failure != null) {
            return check.failure;
        }
        if (check.count == 0) {
            return check.fail(null, "the file has no entries");
        }
        if (!head.matches("[0-9a-f]{64}")) {
            return check.fail(null, "the head hash must be 64 hexadecimal digits");
        }
        Long headSequence = check.sequenceOf(head);
        if (headSequence == null) {
            return check.fail(
                    null,
                    "every entry verifies, but the head hash " + head + " is not the hash of any entry (the last"
                            + " entry's hash is " + check.previous + ")");
        }
        return new Result(true, check.campaignId, check.count, check.previous, headSequence, null, null);
    }

    /** The running state of the recomputation, row by row. */
    private static final class Check {
        private Long campaignId;
        private long count;
        private String previous = LedgerHashing.GENESIS;
        private final List<String> hashes = new ArrayList<>();
        private Result failure;

        void accept(CsvReader.Row row) {
            if (failure != null) {
                return;
            }
            List<String> cells = row.values();
            int columns = LedgerHashing.CSV_COLUMNS.size();
            long expected = count + 1;
            if (cells.size() != columns) {
                failure = fail(
                        expected, "line " + row.line() + " has " + cells.size() + " columns instead of " + columns);
                return;
            }
            List<String> fields = new ArrayList<>(LedgerHashing.FIELDS.size());
            for (int i = 0; i < LedgerHashing.FIELDS.size(); i++) {
                fields.add(LedgerHashing.fromCell(cells.get(i)));
            }
            String previousHash = cells.get(columns - 2);
            String hash = cells.get(columns - 1);
            Long campaign = number(fields.get(0));
            Long sequence = number(fields.get(1));
            if (campaign == null || (campaignId != null && !campaignId.equals(campaign))) {
                failure = fail(expected, "line " + row.line() + " belongs to another campaign (" + fields.get(0) + ")");
                return;
            }
            campaignId = campaign;
            if (sequence == null || sequence != expected) {
                failure = fail(
                        expected,
                        "entry " + expected + " is missing (line " + row.line() + " holds sequence " + fields.get(1)
                                + ")");
                return;
            }
            if (!previous.equals(previousHash)) {
                failure = fail(
                        expected,
                        "its previous_hash " + previousHash + " is not the hash of entry " + (expected - 1) + " ("
                                + previous + ")");
                return;
            }
            String computed = LedgerHashing.hash(fields, previousHash);
            if (!computed.equals(hash)) {
                failure = fail(
                        expected,
                        "its fields do not give its hash: computed " + computed + ", the file says " + hash
                                + " (a value of this entry was changed)");
                return;
            }
            previous = hash;
            hashes.add(hash);
            count = expected;
        }

        Long sequenceOf(String hash) {
            for (int i = hashes.size() - 1; i >= 0; i--) {
                if (hashes.get(i).equals(hash)) {
                    return (long) i + 1;
                }
            }
            return null;
        }

        Result fail(Long sequence, String problem) {
            return new Result(false, campaignId, count, count == 0 ? null : previous, null, sequence, problem);
        }

        private static Long number(String text) {
            return text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
        }
    }
}
