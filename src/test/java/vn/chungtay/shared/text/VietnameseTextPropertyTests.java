package vn.chungtay.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import vn.chungtay.hostile.HostileInputSummary;

class VietnameseTextPropertyTests {

    private static final String SUITE = "VietnameseTextPropertyTests";

    private static final String VIETNAMESE_LETTERS =
            "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
                    + "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ"
                    + "fjwz0123456789 \t\n.,;:-–'’()/\"!?";

    @AfterContainer
    static void summary() {
        HostileInputSummary.print(SUITE);
    }

    @Provide
    Arbitrary<String> vietnamese() {
        Arbitrary<String> composed = Arbitraries.strings()
                .withChars(VIETNAMESE_LETTERS.toCharArray())
                .ofMaxLength(60);
        return Arbitraries.oneOf(composed, composed.map(s -> Normalizer.normalize(s, Normalizer.Form.NFD)));
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u024F').ofMaxLength(40),
                vietnamese());
    }

    @Property
    void foldIsIdempotent(@ForAll("anything") String text) {
        HostileInputSummary.tried(SUITE);
        String once = VietnameseText.fold(text);
        assertThat(VietnameseText.fold(once)).isEqualTo(once);
    }

    @Property
    void foldOfVietnameseIsPlainLowerCaseAsciiWithSingleSpaces(@ForAll("vietnamese") String text) {
        HostileInputSummary.tried(SUITE);
        String folded = VietnameseText.fold(text);
        assertThat(folded).matches("[a-z0-9]*( [a-z0-9]+)*");
        assertThat(folded.length())
                .isLessThanOrEqualTo(
                        Normalizer.normalize(text, Normalizer.Form.NFC).length());
    }

    @Property
    void foldIgnoresCaseAndNormalForm(@ForAll("vietnamese") String text) {
        HostileInputSummary.tried(SUITE);
        String folded = VietnameseText.fold(text);
        assertThat(VietnameseText.fold(text.toUpperCase(java.util.Locale.ROOT))).isEqualTo(folded);
        assertThat(VietnameseText.fold(Normalizer.normalize(text, Normalizer.Form.NFD)))
                .isEqualTo(folded);
        assertThat(VietnameseText.fold(Normalizer.normalize(text, Normalizer.Form.NFC)))
                .isEqualTo(folded);
    }

    @Property
    void cleanIsIdempotentTrimmedAndWithoutDoubleSpaces(@ForAll("anything") String text) {
        HostileInputSummary.tried(SUITE);
        String once = VietnameseText.clean(text);
        assertThat(VietnameseText.clean(once)).isEqualTo(once);
        assertThat(once).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        assertThat(once).doesNotContain("\t", "\n", "\r", "\f", "\u000B");
    }

    @Property
    void cleanOfVietnameseIsNfcAndNoLongerThanTheInput(@ForAll("vietnamese") String text) {
        HostileInputSummary.tried(SUITE);
        String cleaned = VietnameseText.clean(text);
        assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
        assertThat(cleaned.length()).isLessThanOrEqualTo(text.length());
        assertThat(VietnameseText.fold(cleaned)).isEqualTo(VietnameseText.fold(text));
    }
}
