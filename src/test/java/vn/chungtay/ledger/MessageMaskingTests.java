package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageMaskingTests {

    @Test
    void masksAccountNumbersInTransferMessages() {
        assertThat(MessageMasking.mask(
                        "MBVCB.6916176124.TRAN VAN AN chuyen tien.CT tu 0101001222009 TRAN VAN AN toi 0011001932418"))
                .isEqualTo("MBVCB.6916****124.TRAN VAN AN chuyen tien.CT tu 0101****009 TRAN VAN AN toi 0011****418");
    }

    @Test
    void masksPhoneNumbersAlsoWrittenWithSpacesDotsOrHyphens() {
        assertThat(MessageMasking.mask("goi 0904000000 nhe")).isEqualTo("goi 0904****000 nhe");
        assertThat(MessageMasking.mask("SDT: 0904 123 456")).isEqualTo("SDT: 0904****456");
        assertThat(MessageMasking.mask("sdt 0904.123.456.")).isEqualTo("sdt 0904****456.");
        assertThat(MessageMasking.mask("sdt 0904-123-456")).isEqualTo("sdt 0904****456");
    }

    @Test
    void masksShortRunsOfEightOrNineDigitsKeepingTwoAndTwo() {
        assertThat(MessageMasking.mask("tk 12345678")).isEqualTo("tk 12****78");
        assertThat(MessageMasking.mask("tk 123456789")).isEqualTo("tk 12****89");
    }

    @Test
    void leavesShortNumbersAmountsAndDatesAlone() {
        assertThat(MessageMasking.mask("ung ho 500000 dong cho 20 chau")).isEqualTo("ung ho 500000 dong cho 20 chau");
        assertThat(MessageMasking.mask("ung ho 10.000.000 dong")).isEqualTo("ung ho 10.000.000 dong");
        assertThat(MessageMasking.mask("ung ho 1,500,000,000")).isEqualTo("ung ho 1,500,000,000");
        assertThat(MessageMasking.mask("ngay 01.09.2026 va 01-09-2026")).isEqualTo("ngay 01.09.2026 va 01-09-2026");
        assertThat(MessageMasking.mask("Ủng hộ các cháu vùng cao")).isEqualTo("Ủng hộ các cháu vùng cao");
        assertThat(MessageMasking.mask(null)).isNull();
    }

    @Test
    void masksBankReferenceRunsJoinedByDots() {
        assertThat(MessageMasking.mask("292976.010926.013647.xin cam on")).isEqualTo("2929****647.xin cam on");
    }
}
