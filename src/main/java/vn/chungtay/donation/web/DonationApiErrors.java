package vn.chungtay.donation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.chungtay.donation.InvalidDonation;
import vn.chungtay.donation.InvalidStatement;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.shared.web.ModuleApiErrors;

/**
 * The donation API's answers to bad input: 400 naming the field (or every unreadable row of a
 * statement), in the caller's language (Vietnamese by default); 422 when the ledger refuses.
 */
@RestControllerAdvice(assignableTypes = {DonationApiController.class, StatementApiController.class})
class DonationApiErrors extends ModuleApiErrors {

    DonationApiErrors(MessageSource messages) {
        super(messages, "donation");
    }

    @ExceptionHandler(InvalidDonation.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidDonation e, Locale locale) {
        return invalid(e.problems(), locale);
    }

    @ExceptionHandler(InvalidStatement.class)
    ResponseEntity<Map<String, Object>> invalidStatement(InvalidStatement e, Locale locale) {
        List<Map<String, Object>> errors = e.problems().stream()
                .map(p -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("row", p.row());
                    error.put(
                            "message", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
                    return error;
                })
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", "file");
        body.put(
                "message",
                messages.getMessage(
                        "donation.statement.refused", new Object[] {Integer.toString(errors.size())}, locale));
        body.put("errors", errors);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(LedgerRuleBroken.class)
    ResponseEntity<Map<String, Object>> ledger(LedgerRuleBroken e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "rule");
        body.put("rule", e.rule());
        body.put("message", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }
}
