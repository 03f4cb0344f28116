package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerHashingTests {

    static List<String> receipt() {
        return LedgerHashing.publicFields(
                1001,
                1,
                "RECEIPT",
                LocalDate.of(2026, 10, 17),
                500_000,
                null,
                null,
                null,
                "DONOR:42",
                "POOL:24640",
                null,
                null,
                null,
                null,
                "Nguyễn Văn An",
                "ung ho cac chau, tk 0101****009",
                0,
                null,
                null);
    }

    @Test
    void hashesNetstringsOfThePublicFieldsAndThePreviousHash() {
        List<String> fields = receipt();
        assertThat(fields).contains("DONOR").doesNotContain("DONOR:42");
        String text = LedgerHashing.hashedText(fields, LedgerHashing.GENESIS);
        assertThat(text)
                .startsWith("4:1001,1:1,7:RECEIPT,10:2026-10-17,6:500000,0:,0:,0:,5:DONOR,10:POOL:24640,")
                .contains(",16:Nguyễn Văn An,")
                .endsWith(",0:,64:" + LedgerHashing.GENESIS + ",");
        assertThat(LedgerHashing.hash(fields, LedgerHashing.GENESIS))
                .matches("[0-9a-f]{64}")
                .isEqualTo(sha256Hex(text));
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        List<String> fields = receipt();
        String hash = LedgerHashing.hash(fields, LedgerHashing.GENESIS);
        for (int i = 0; i < fields.size(); i++) {
            List<String> changed = new ArrayList<>(fields);
            changed.set(i, changed.get(i) + "x");
            assertThat(LedgerHashing.hash(changed, LedgerHashing.GENESIS)).isNotEqualTo(hash);
        }
        assertThat(LedgerHashing.hash(fields, "1" + LedgerHashing.GENESIS.substring(1)))
                .isNotEqualTo(hash);
        // moving a character from one field to the next changes the hash too (lengths are hashed)
        List<String> shifted = new ArrayList<>(fields);
        shifted.set(14, "Nguyễn Văn A");
        shifted.set(15, "n" + fields.get(15));
        assertThat(LedgerHashing.hash(shifted, LedgerHashing.GENESIS)).isNotEqualTo(hash);
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetAnApostropheThatTheVerifierRemoves() {
        for (String value : List.of("=1+1", "+84 904", "-5", "@SUM(A1)", "'quoted", "\tx", "plain", "")) {
            String cell = LedgerHashing.toCell(value);
            assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-");
            assertThat(LedgerHashing.fromCell(cell)).isEqualTo(value);
        }
        assertThat(LedgerHashing.csvLine(List.of("a,b", "say \"hi\"", "plain")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain\r\n");
    }

    private static String sha256Hex(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of()
                    .formatHex(digest.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
