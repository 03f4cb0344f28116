package vn.chungtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.chungtay.shared.document.OfficialDocument;

class OfficialDocumentTests {

    private static OfficialDocument document(String number, LocalDate date, List<String> recipients) {
        return new OfficialDocument(
                List.of("Ủy ban MTTQ Việt Nam", "xã Cư Jút", "Ban Thường trực"),
                number,
                "BC-MTTQ",
                "Cư Jút",
                date,
                "BÁO CÁO",
                "Kết quả năm 2026",
                null,
                List.of(new OfficialDocument.Paragraph("Nội dung")),
                new OfficialDocument.Signature("TM. Ban Thường trực", "Chủ tịch", null),
                recipients);
    }

    @Test
    void datesHaveLeadingZerosForDaysBelowTenAndForJanuaryAndFebruary() {
        assertThat(document(null, LocalDate.of(2026, 7, 5), List.of()).placeAndDate())
                .isEqualTo("Cư Jút, ngày 05 tháng 7 năm 2026");
        assertThat(document(null, LocalDate.of(2026, 2, 14), List.of()).placeAndDate())
                .isEqualTo("Cư Jút, ngày 14 tháng 02 năm 2026");
        assertThat(document(null, LocalDate.of(2026, 12, 31), List.of()).placeAndDate())
                .isEqualTo("Cư Jút, ngày 31 tháng 12 năm 2026");
    }

    @Test
    void theNumberIsLeftOpenUntilTheDocumentHasOne() {
        assertThat(document(null, LocalDate.of(2026, 7, 5), List.of()).numberLine())
                .isEqualTo("Số: …/BC-MTTQ");
        assertThat(document("12", LocalDate.of(2026, 7, 5), List.of()).numberLine())
                .isEqualTo("Số: 12/BC-MTTQ");
    }

    @Test
    void issuingBodyAndSignatureAreUpperCaseAndTheRecipientsEndWithTheFiling() {
        OfficialDocument document =
                document(null, LocalDate.of(2026, 7, 5), List.of("Như trên", "- Ban Thường trực tỉnh;"));
        assertThat(document.issuingBody()).containsExactly("ỦY BAN MTTQ VIỆT NAM", "XÃ CƯ JÚT", "BAN THƯỜNG TRỰC");
        assertThat(document.signature().onBehalf()).isEqualTo("TM. BAN THƯỜNG TRỰC");
        assertThat(document.recipientLines()).containsExactly("- Như trên;", "- Ban Thường trực tỉnh;", "- Lưu: VT.");
    }

    @Test
    void tableRowsMustMatchTheHeaders() {
        assertThatThrownBy(() ->
                        new OfficialDocument.Table(List.of("STT", "Chỉ tiêu"), List.of(List.of("1")), null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placeDropsTheUnitTypeAndNamesReadInSentences() {
        assertThat(ReportDocuments.place("Xã Cư Jút")).isEqualTo("Cư Jút");
        assertThat(ReportDocuments.place("Thành phố Hà Nội")).isEqualTo("Hà Nội");
        assertThat(ReportDocuments.place("Thị trấn Ea T'Ling")).isEqualTo("Ea T'Ling");
        assertThat(ReportDocuments.lowerType("Tỉnh Lâm Đồng")).isEqualTo("tỉnh Lâm Đồng");
        assertThat(ReportDocuments.number(1_250_000)).isEqualTo("1.250.000");
    }
}
