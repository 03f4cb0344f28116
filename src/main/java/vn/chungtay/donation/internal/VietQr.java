package vn.chungtay.donation.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * VietQR (NAPAS, on EMVCo merchant-presented QR): the payload a banking app reads to pre-fill a
 * transfer to an account, with an optional amount and a purpose such as {@code CT24640N123}, and
 * its PNG image. Fields: 00 version "01"; 01 "12" with an amount, "11" without; 38 the account
 * (00 GUID {@code A000000727}, 01 bank BIN and account number, 02 service {@code QRIBFTTA}); 53 currency
 * "704"; 54 amount; 58 "VN"; 62/08 purpose; 63 CRC-16/CCITT-FALSE over everything before it
 * including "6304".
 */
public final class VietQr {

    static final String GUID = "A000000727";
    static final String SERVICE = "QRIBFTTA";
    private static final int MAX_PURPOSE = 25;

    private VietQr() {}

    /** The payload for a transfer to an account; {@code amount} and {@code purpose} may be null. */
    public static String payload(String bankBin, String accountNumber, Long amount, String purpose) {
        if (bankBin == null || !bankBin.matches("\\d{6}")) {
            throw new IllegalArgumentException("A bank BIN has 6 digits");
        }
        if (accountNumber == null || !accountNumber.matches("[0-9A-Za-z]{1,19}")) {
            throw new IllegalArgumentException("An account number has at most 19 letters or digits");
        }
        if (amount != null && (amount <= 0 || amount > 9_999_999_999_999L)) {
            throw new IllegalArgumentException("An amount in a VietQR is positive and at most 13 digits");
        }
        String bank = field("00", bankBin) + field("01", accountNumber);
        String account = field("00", GUID) + field("01", bank) + field("02", SERVICE);
        StringBuilder out = new StringBuilder();
        out.append(field("00", "01"));
        out.append(field("01", amount == null ? "11" : "12"));
        out.append(field("38", account));
        out.append(field("53", "704"));
        if (amount != null) {
            out.append(field("54", Long.toString(amount)));
        }
        out.append(field("58", "VN"));
        String text = purpose(purpose);
        if (!text.isEmpty()) {
            out.append(field("62", field("08", text)));
        }
        out.append("6304");
        return out.append(crc(out.toString())).toString();
    }

    /** The purpose as banking apps accept it: ASCII letters (diacritics dropped), digits and single spaces, at most 25 characters. */
    static String purpose(String purpose) {
        if (purpose == null) {
            return "";
        }
        String plain = java.text.Normalizer.normalize(purpose, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        String keep =
                plain.replaceAll("[^A-Za-z0-9 ]", " ").replaceAll(" +", " ").strip();
        return keep.length() > MAX_PURPOSE ? keep.substring(0, MAX_PURPOSE).strip() : keep;
    }

    /** The payload drawn as a PNG square of about {@code size} pixels with a quiet zone. */
    public static byte[] png(String payload, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    2,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("The payload does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) of the text's bytes, as 4 upper-case hex digits. */
    static String crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return String.format("%04X", crc);
    }

    private static String field(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("A VietQR field holds at most 99 characters");
        }
        return id + String.format("%02d", value.length()) + value;
    }
}
