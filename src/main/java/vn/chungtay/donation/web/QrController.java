package vn.chungtay.donation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.donation.VietQrCodes;

/** VietQR images for campaigns and published needs, public (no login). */
@RestController
@Tag(name = "VietQR", description = "QR codes donors scan to transfer with the payment code")
class QrController {

    private static final long MAX_AMOUNT = 9_999_999_999_999L;

    private final VietQrCodes codes;

    QrController(VietQrCodes codes) {
        this.codes = codes;
    }

    @GetMapping(value = "/public/qr/campaigns/{id}.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "VietQR of a campaign's account with its code CT<id>; optional `amount` in đồng")
    ResponseEntity<byte[]> campaign(
            @PathVariable String id,
            @RequestParam(required = false) String amount,
            @RequestParam(defaultValue = "0") String account) {
        Long value = amount(amount);
        if (value != null && value < 0 || !id.matches("\\d{1,12}") || !account.matches("\\d{1,2}")) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
        }
        return codes.campaign(Long.parseLong(id), Integer.parseInt(account))
                .map(t -> png(codes.png(t, value, 320)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/public/qr/needs/{id}.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "VietQR of a published need with its code CT<commune>N<id>; optional `amount` in đồng")
    ResponseEntity<byte[]> need(@PathVariable String id, @RequestParam(required = false) String amount) {
        Long value = amount(amount);
        if (value != null && value < 0 || !id.matches("\\d{1,12}")) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
        }
        return codes.need(Long.parseLong(id))
                .map(t -> png(codes.png(t, value, 320)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The amount asked for: null when absent, -1 when it is not a whole positive number of đồng. */
    private static Long amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip().replace(".", "").replace(",", "");
        if (!digits.matches("\\d{1,13}")) {
            return -1L;
        }
        long value = Long.parseLong(digits);
        return value <= 0 || value > MAX_AMOUNT ? -1L : value;
    }

    private static ResponseEntity<byte[]> png(byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(bytes);
    }
}
