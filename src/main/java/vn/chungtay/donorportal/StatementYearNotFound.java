package vn.chungtay.donorportal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No statement for a year before 2000 or after this one. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class StatementYearNotFound extends RuntimeException {
    public StatementYearNotFound(int year) {
        super("No statement for year " + year);
    }
}
