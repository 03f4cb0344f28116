package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import vn.chungtay.hostile.HostileInputSummary;

class MessageMaskingPropertyTests {

    private static final String SUITE = "MessageMaskingPropertyTests";

    /** Eight or more digits in a row, of any script (ASCII, full-width, Arabic-Indic...). */
    private static final java.util.regex.Pattern LONG_RUN = java.util.regex.Pattern.compile("\\p{Nd}{8,}");

    @AfterContainer
    static void summary() {
        HostileInputSummary.print(SUITE);
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> digitsAndSeparators =
                Arbitraries.strings().withChars("0123456789 .-,/".toCharArray()).ofMaxLength(40);
        Arbitrary<String> mixed = Arbitraries.strings()
                .withChars("0123456789 .-ungho tre em0904STK:٣０１".toCharArray())
                .ofMaxLength(60);
        Arbitrary<String> phoneLike = Arbitraries.strings()
                .numeric()
                .ofMinLength(8)
                .ofMaxLength(19)
                .map(d -> "ung ho " + d + " chuyen khoan");
        return Arbitraries.oneOf(
                digitsAndSeparators,
                mixed,
                phoneLike,
                Arbitraries.strings().all().ofMaxLength(40));
    }

    @Property(tries = 3000)
    void noRunOfEightOrMoreDigitsSurvives(@ForAll("messages") String message) {
        HostileInputSummary.tried(SUITE);
        String masked = MessageMasking.mask(message);
        assertThat(LONG_RUN.matcher(masked).find())
                .as("masked %s -> %s", message, masked)
                .isFalse();
    }

    @Property
    void maskingIsIdempotentAndKeepsShortNumbers(@ForAll("messages") String message) {
        HostileInputSummary.tried(SUITE);
        String masked = MessageMasking.mask(message);
        assertThat(MessageMasking.mask(masked)).isEqualTo(masked);
        if (!java.util.regex.Pattern.compile("\\p{Nd}").matcher(message).find()) {
            assertThat(masked).isEqualTo(message);
        }
    }

    @Example
    void masksPhoneNumbersWrittenInOtherDigitScriptsOrTouchingThem() {
        HostileInputSummary.tried(SUITE, 3);
        assertThat(MessageMasking.mask("SĐT ０９０４０００１２３")).doesNotContain("０９０４０００１２３");
        assertThat(MessageMasking.mask("STK ٣0101001222009")).doesNotContain("0101001222009");
        assertThat(MessageMasking.mask("STK 0101001222009٣")).doesNotContain("0101001222009");
    }
}
