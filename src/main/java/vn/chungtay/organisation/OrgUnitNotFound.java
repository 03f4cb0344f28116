package vn.chungtay.organisation;

import java.time.LocalDate;

/** No unit had this code on this date. Answered 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class OrgUnitNotFound extends RuntimeException {
    private final String code;
    private final LocalDate date;

    public OrgUnitNotFound(String code, LocalDate date) {
        super("No org unit " + code + " on " + date);
        this.code = code;
        this.date = date;
    }

    public String code() {
        return code;
    }

    public LocalDate date() {
        return date;
    }
}
