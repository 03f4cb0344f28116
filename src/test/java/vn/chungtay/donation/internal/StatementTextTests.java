package vn.chungtay.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.chungtay.donation.internal.StatementText.CampaignCode;
import vn.chungtay.donation.internal.StatementText.NeedCode;

class StatementTextTests {

    @net.jqwik.api.Property(tries = 2000)
    void quickFoldOfPlainTextEqualsTheSharedFold(
            @net.jqwik.api.ForAll
                    @net.jqwik.api.constraints.Chars({'a', 'Z', '0', ' ', '.', '(', '\'', '\n', '-', '_'})
                    @net.jqwik.api.constraints.StringLength(max = 40)
                    String text) {
        assertThat(StatementText.fold(text)).isEqualTo(vn.chungtay.shared.text.VietnameseText.fold(text));
    }

    @Test
    void dropsControlCharactersButKeepsTabsAndLineBreaks() {
        assertThat(StatementText.withoutControls("tr\u0000ẻ\u0007 em\tA\r\nB\u001F\u007F"))
                .isEqualTo("trẻ em\tA\r\nB\u007F");
        assertThat(StatementText.withoutControls("ung ho")).isEqualTo("ung ho");
        assertThat(StatementText.withoutControls(null)).isNull();
    }

    @Test
    void quickFoldFallsBackForVietnamese() {
        assertThat(StatementText.fold("Trả lãi tiền gửi")).isEqualTo("tra lai tien gui");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ung ho (CT24640N12)",
                "ung ho ct24640n12 cac chau",
                "Ct 24640 n 12",
                "tre em Cu Jut (CT2464\n0N12)",
                "tre em Cu Jut (CT24640\r\nN12)",
                "tre em Cu Jut (CT24640N1\n2)",
            })
    void findsANeedCodeInAnyCaseSpacingOrSplitByALineBreak(String message) {
        assertThat(StatementText.code(message)).contains(new NeedCode("24640", 12));
    }

    @Test
    void offersEveryReadingOfAnAmbiguousBreakNeedsFirst() {
        assertThat(StatementText.codes("CT24640N12\n3 chau, CT1001"))
                .containsExactly(new NeedCode("24640", 123), new NeedCode("24640", 12), new CampaignCode(1001));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(CT1111)", "ct1111", "Ct1111 ung ho", "ung ho\nCT1111", "CT11\n11", "CT 1111."})
    void findsACampaignCode(String message) {
        assertThat(StatementText.code(message)).contains(new CampaignCode(1111));
    }

    @Test
    void ignoresTextThatOnlyLooksLikeACode() {
        assertThat(StatementText.code("MBVCB.6916176124.TRAN VAN AN chuyen tien.CT tu 0101001222009 TRAN VAN AN"))
                .isEmpty();
        assertThat(StatementText.code("ACT1234 not a code")).isEmpty();
        assertThat(StatementText.code("CT12 too short")).isEmpty();
        assertThat(StatementText.code(null)).isEmpty();
    }

    @Test
    void setsAsideInterestAndRefunds() {
        assertThat(StatementText.notAGift("TRA LAI TIEN GUI KY HAN THANG 08")).contains("INTEREST");
        assertThat(StatementText.notAGift("Lãi nhập vốn")).contains("INTEREST");
        assertThat(StatementText.notAGift("HOAN TIEN GD 123")).contains("REFUND");
        assertThat(StatementText.notAGift("ung ho cac chau vung cao")).isEmpty();
    }

    @Test
    void findsTheSendersNameInTheCounterpartyOrTheMessage() {
        assertThat(StatementText.sender("TRAN TIEN AN – A/C", "")).contains("Tran Tien An");
        assertThat(StatementText.sender("TIEN MAT, VANG TIEN TE TAI DON VI\n– A/C", "UNG HO"))
                .isEmpty();
        assertThat(
                        StatementText.sender(
                                "",
                                "MBVCB.6916176124.TRAN VAN AN chuyen tien.CT tu 0101001222009 TRAN VAN AN toi 0011001932418 MAT TRAN"))
                .contains("Tran Van An");
        assertThat(StatementText.sender("", "CT nhanh 247 den: LE THI BINH chuyen\ntien ung ho"))
                .contains("Le Thi Binh");
        assertThat(StatementText.sender("", "292976.010926.013647.xin cam on")).isEmpty();
        assertThat(StatementText.sender("Nguyễn Thị Hoa", "")).contains("Nguyễn Thị Hoa");
    }

    @Test
    void findsTheSendersOwnAccountWhenTheMessageShowsIt() {
        assertThat(
                        StatementText.senderAccount(
                                "MBVCB.6916176124.TRAN VAN AN chuyen tien.CT tu 0101001222009 TRAN VAN AN toi 0011001932418 MTTQ"))
                .contains("0101001222009");
        assertThat(StatementText.senderAccount("ung ho, CT tu\n0101001222009 LE THI BINH toi 0011001932418"))
                .contains("0101001222009");
        assertThat(StatementText.senderAccount("CT nhanh 247 den: LE THI BINH chuyen tien"))
                .isEmpty();
        assertThat(StatementText.senderAccount(null)).isEmpty();
    }
}
