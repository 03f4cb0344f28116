package vn.chungtay.commendation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No proposal, candidate or rule with this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CommendationNotFound extends RuntimeException {
    public CommendationNotFound(String what) {
        super("Not found: " + what);
    }
}
