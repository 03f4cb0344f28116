package vn.chungtay.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.chungtay.shared.text.VietnameseText;

class VietnameseTextTests {

    @Test
    void foldsDiacriticsAndDStroke() {
        assertThat(VietnameseText.fold("Đắk Wil")).isEqualTo("dak wil");
        assertThat(VietnameseText.fold("Cư Jút")).isEqualTo("cu jut");
        assertThat(VietnameseText.fold("NGUYỄN Thị Ánh")).isEqualTo("nguyen thi anh");
    }

    @Test
    void dropsApostrophesAndCollapsesSpacesAndPunctuation() {
        assertThat(VietnameseText.fold("Thị trấn Ea T'Ling")).isEqualTo("thi tran ea tling");
        assertThat(VietnameseText.fold("  Buôn   Trum -- 2 ")).isEqualTo("buon trum 2");
    }

    @Test
    void foldsDecomposedInputLikeComposedInput() {
        String decomposed = java.text.Normalizer.normalize("Đắk Wil", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold("Đắk Wil"));
    }

    @Test
    void cleanNormalisesToNfcAndSingleSpaces() {
        String decomposed = java.text.Normalizer.normalize("Buôn  Nui ", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.clean(decomposed)).isEqualTo("Buôn Nui");
        assertThat(VietnameseText.clean(null)).isNull();
    }
}
