package vn.chungtay.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveryFilesTests {

    @Test
    void tellsJpegPngAndPdfByTheirFirstBytes() {
        assertThat(DeliveryFiles.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
                .contains("image/jpeg");
        assertThat(DeliveryFiles.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .contains("image/png");
        assertThat(DeliveryFiles.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .contains("application/pdf");
    }

    @Test
    void refusesAnythingElseWhateverItsName() {
        assertThat(DeliveryFiles.sniff("<html><script>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(DeliveryFiles.sniff(new byte[] {'G', 'I', 'F', '8', '9', 'a'}))
                .isEmpty();
        assertThat(DeliveryFiles.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(DeliveryFiles.sniff(new byte[0])).isEmpty();
    }

    @Test
    void hashesWithSha256InLowerCaseHex() {
        assertThat(DeliveryFiles.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void keepsOnlyTheFileNameOfAnUploadedPath() {
        assertThat(DeliveryFiles.cleanName("C:\\Users\\xa\\Ảnh\\danh sách.jpg")).isEqualTo("danh sách.jpg");
        assertThat(DeliveryFiles.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DeliveryFiles.cleanName("  ")).isNull();
        assertThat(DeliveryFiles.cleanName(null)).isNull();
    }
}
