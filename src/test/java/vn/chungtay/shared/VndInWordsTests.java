package vn.chungtay.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.money.VndInWords;

class VndInWordsTests {

    @Test
    void readsTheReceiptExample() {
        assertThat(VndInWords.of(Vnd.of(1_500_000))).isEqualTo("Một triệu năm trăm nghìn đồng");
    }

    @Test
    void readsZero() {
        assertThat(VndInWords.of(0)).isEqualTo("Không đồng");
    }

    @Test
    void readsZeroHundredsAndLinhInsideALargerNumber() {
        assertThat(VndInWords.of(1_005)).isEqualTo("Một nghìn không trăm linh năm đồng");
        assertThat(VndInWords.of(1_000_050)).isEqualTo("Một triệu không trăm năm mươi đồng");
        assertThat(VndInWords.of(2_020_000)).isEqualTo("Hai triệu không trăm hai mươi nghìn đồng");
    }

    @Test
    void readsWholeBillionsAndBeyond() {
        assertThat(VndInWords.of(1_000_000_000)).isEqualTo("Một tỷ đồng");
        assertThat(VndInWords.of(1_000_000_000_000L)).isEqualTo("Một nghìn tỷ đồng");
        assertThat(VndInWords.of(1_001_000_000_000L)).isEqualTo("Một nghìn không trăm linh một tỷ đồng");
        assertThat(VndInWords.of(10_847_331_843L))
                .isEqualTo("Mười tỷ tám trăm bốn mươi bảy triệu ba trăm ba mươi mốt nghìn tám trăm bốn mươi ba đồng");
        assertThat(VndInWords.of(1_000_000_000_000_000_000L)).isEqualTo("Một tỷ tỷ đồng");
    }

    @ParameterizedTest
    @CsvSource({
        "1, Một đồng",
        "5, Năm đồng",
        "10, Mười đồng",
        "11, Mười một đồng",
        "14, Mười bốn đồng",
        "15, Mười lăm đồng",
        "20, Hai mươi đồng",
        "21, Hai mươi mốt đồng",
        "25, Hai mươi lăm đồng",
        "55, Năm mươi lăm đồng",
        "91, Chín mươi mốt đồng",
        "100, Một trăm đồng",
        "101, Một trăm linh một đồng",
        "105, Một trăm linh năm đồng",
        "110, Một trăm mười đồng",
        "111, Một trăm mười một đồng",
        "115, Một trăm mười lăm đồng",
        "121, Một trăm hai mươi mốt đồng",
        "999, Chín trăm chín mươi chín đồng",
        "1000, Một nghìn đồng",
        "10000, Mười nghìn đồng",
        "15000, Mười lăm nghìn đồng",
        "21000, Hai mươi mốt nghìn đồng",
        "50000, Năm mươi nghìn đồng",
        "105000, Một trăm linh năm nghìn đồng",
        "300000, Ba trăm nghìn đồng",
        "1000001, Một triệu không trăm linh một đồng",
        "1000000, Một triệu đồng",
        "10000000, Mười triệu đồng",
        "25500000, Hai mươi lăm triệu năm trăm nghìn đồng",
        "1001000, Một triệu không trăm linh một nghìn đồng",
        "1000000005, Một tỷ không trăm linh năm đồng",
    })
    void followsTheSpokenRules(long dong, String words) {
        assertThat(VndInWords.of(dong)).isEqualTo(words);
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> VndInWords.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void readsBackToTheSameNumber(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long dong) {
        String words = VndInWords.of(dong);
        assertThat(words).endsWith(" đồng").doesNotContain("  ");
        assertThat(parse(words)).isEqualTo(dong);
    }

    @Property(tries = 1000)
    void smallNumbersReadBackToo(@ForAll @LongRange(min = 0, max = 2_000_000) long dong) {
        assertThat(parse(VndInWords.of(dong))).isEqualTo(dong);
    }

    private static final Map<String, Integer> DIGITS = Map.ofEntries(
            Map.entry("không", 0),
            Map.entry("một", 1),
            Map.entry("mốt", 1),
            Map.entry("hai", 2),
            Map.entry("ba", 3),
            Map.entry("bốn", 4),
            Map.entry("năm", 5),
            Map.entry("lăm", 5),
            Map.entry("sáu", 6),
            Map.entry("bảy", 7),
            Map.entry("tám", 8),
            Map.entry("chín", 9));

    /** An independent reading of the words back into a number, to check the writer. */
    private static long parse(String words) {
        String[] tokens = words.toLowerCase().replace(" đồng", "").split(" ");
        long result = 0;
        long section = 0;
        long current = 0;
        long lastDigit = 0;
        for (String token : tokens) {
            switch (token) {
                case "mười" -> current += 10;
                case "mươi" -> current += lastDigit * 9;
                case "trăm" -> current *= 100;
                case "linh" -> {}
                case "nghìn" -> {
                    section += current * 1_000;
                    current = 0;
                }
                case "triệu" -> {
                    section += current * 1_000_000;
                    current = 0;
                }
                case "tỷ" -> {
                    result = (result + section + current) * 1_000_000_000L;
                    section = 0;
                    current = 0;
                }
                default -> {
                    Integer digit = DIGITS.get(token);
                    assertThat(digit).as("word %s in %s", token, words).isNotNull();
                    lastDigit = digit;
                    current += digit;
                }
            }
        }
        return result + section + current;
    }
}
