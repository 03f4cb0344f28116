package vn.chungtay.reporting;

/** No report, period or template with this id or code. Answered 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class ReportNotFound extends RuntimeException {
    public ReportNotFound(String what) {
        super("Not found: " + what);
    }
}
