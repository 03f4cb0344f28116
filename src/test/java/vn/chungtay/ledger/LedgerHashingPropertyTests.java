package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import vn.chungtay.hostile.HostileInputSummary;

class LedgerHashingPropertyTests {

    private static final String SUITE = "LedgerHashingPropertyTests";

    @AfterContainer
    static void summary() {
        HostileInputSummary.print(SUITE);
    }

    @Provide
    Arbitrary<List<String>> fields() {
        return Arbitraries.strings()
                .withChars("0123456789:,abcđ ₫\"".toCharArray())
                .ofMaxLength(10)
                .list()
                .ofSize(LedgerHashing.FIELDS.size());
    }

    @Provide
    Arbitrary<String> previous() {
        return Arbitraries.strings().withChars("0123456789abcdef".toCharArray()).ofLength(64);
    }

    @Property
    void changingAnyFieldChangesTheHash(
            @ForAll("fields") List<String> fields,
            @ForAll("previous") String previous,
            @ForAll @IntRange(min = 0, max = 18) int index,
            @ForAll("fields") List<String> others) {
        HostileInputSummary.tried(SUITE);
        String replacement = others.get(index).equals(fields.get(index)) ? fields.get(index) + "x" : others.get(index);
        List<String> changed = new ArrayList<>(fields);
        changed.set(index, replacement);
        assertThat(LedgerHashing.hash(changed, previous)).isNotEqualTo(LedgerHashing.hash(fields, previous));
    }

    @Property
    void movingTextAcrossAFieldBoundaryChangesTheHash(
            @ForAll("fields") List<String> fields,
            @ForAll("previous") String previous,
            @ForAll @IntRange(min = 0, max = 17) int index) {
        HostileInputSummary.tried(SUITE);
        List<String> shifted = new ArrayList<>(fields);
        shifted.set(index, fields.get(index) + ",1:");
        shifted.set(
                index + 1,
                fields.get(index + 1).isEmpty() ? "" : fields.get(index + 1).substring(1));
        if (!shifted.equals(fields)) {
            assertThat(LedgerHashing.hash(shifted, previous)).isNotEqualTo(LedgerHashing.hash(fields, previous));
        }
        assertThat(LedgerHashing.hashedText(fields, previous))
                .startsWith(fields.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + ":" + fields.get(0)
                        + ",");
    }

    @Property
    void changingThePreviousHashChangesTheHash(
            @ForAll("fields") List<String> fields, @ForAll("previous") String a, @ForAll("previous") String b) {
        HostileInputSummary.tried(SUITE);
        if (!a.equals(b)) {
            assertThat(LedgerHashing.hash(fields, a)).isNotEqualTo(LedgerHashing.hash(fields, b));
        }
    }

    @Property
    void aCellRoundTripsAndNeverStartsAFormula(@ForAll String value) {
        HostileInputSummary.tried(SUITE);
        String cell = LedgerHashing.toCell(value);
        assertThat(LedgerHashing.fromCell(cell)).isEqualTo(value);
        if (!cell.isEmpty()) {
            assertThat("=+-@\t\r").doesNotContain(cell.substring(0, 1));
        }
    }
}
