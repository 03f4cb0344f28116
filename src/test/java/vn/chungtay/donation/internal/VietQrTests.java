package vn.chungtay.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class VietQrTests {

    @Test
    void crcIsCcittFalse() {
        assertThat(VietQr.crc("123456789")).isEqualTo("29B1");
    }

    @Test
    void matchesAKnownGoodTransferWithAmountAndPurpose() {
        // published example: 120.000 ₫ to VietinBank (970415) account 0011001932418, "ung ho lu lut"
        String known = "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
                + "530370454061200005802VN62170813ung ho lu lut6304C15C";
        assertThat(VietQr.crc(known.substring(0, known.length() - 4))).isEqualTo("C15C");
        assertThat(VietQr.payload("970415", "0011001932418", 120_000L, "ủng hộ lũ lụt"))
                .isEqualTo(known);
        String ours = VietQr.payload("970415", "0011001932418", 120_000L, "CT24640N123");
        assertThat(ours)
                .startsWith("00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
                        + "530370454061200005802VN")
                .contains("62150811CT24640N123" + "6304");
        assertThat(ours.substring(ours.length() - 4)).isEqualTo(VietQr.crc(ours.substring(0, ours.length() - 4)));
    }

    @Test
    void staticCodeWithoutAmountUsesPointOfInitiation11AndNoAmountField() {
        String payload = VietQr.payload("970436", "0011001932418", null, "CT1001");
        assertThat(payload).startsWith("000201010211").doesNotContain("5406").contains("0806CT1001");
        assertThat(payload).matches(".*6304[0-9A-F]{4}$");
    }

    @Test
    void purposeIsFoldedToPlainAsciiAndShortened() {
        assertThat(VietQr.purpose("Ủng hộ Đắk Wil, (CT24640N12)")).isEqualTo("Ung ho Dak Wil CT24640N12");
        assertThat(VietQr.purpose("x".repeat(40))).hasSize(25);
        assertThat(VietQr.purpose(null)).isEmpty();
    }

    @Test
    void refusesABadBinOrAmount() {
        assertThatThrownBy(() -> VietQr.payload("97041", "123456", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietQr.payload("970415", "123456", 0L, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theImageDecodesToThePayload() throws Exception {
        String payload = VietQr.payload("970415", "0011001932418", 500_000L, "CT24640N12");
        byte[] png = VietQr.png(payload, 300);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(payload);
    }
}
