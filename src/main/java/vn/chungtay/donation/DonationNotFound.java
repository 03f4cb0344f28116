package vn.chungtay.donation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No gift, statement line or layout with this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DonationNotFound extends RuntimeException {
    public DonationNotFound(String what) {
        super("Not found: " + what);
    }
}
