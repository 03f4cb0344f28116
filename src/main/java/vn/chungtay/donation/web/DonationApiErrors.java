package vn.chungtay.donation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.chungtay.donation.InvalidDonation;
import vn.chungtay.donation.InvalidStatement;
import vn.chungtay.ledger.LedgerRuleBroken;

/**
 * The donation API's answers to bad input: 400 naming the field (or every unreadable row of a
 * statement), in the caller's language (Vietnamese by default); 422 when the ledger refuses.
 */
@RestControllerAdvice(assignableTypes = {DonationApiController.class, StatementApiController.class})
class DonationApiErrors {

    private final MessageSource messages;

    DonationApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidDonation.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidDonation e, Locale locale) {
        List<Map<String, Object>> errors = e.problems().stream()
                .map(p -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("field", p.field());
                    error.put(
                            "message", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
                    return error;
                })
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", errors.get(0).get("field"));
        body.put("message", errors.get(0).get("message"));
        body.put("errors", errors);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = fieldOf(e);
        String message = field == null
                ? messages.getMessage("donation.json.unreadable", null, locale)
                : messages.getMessage("donation.json.invalidField", new Object[] {field}, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", field);
        body.put("message", message);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return field(e.getName(), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return field(e.getParameterName(), locale);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException e, Locale locale) {
        return field(e.getRequestPartName(), locale);
    }

    private ResponseEntity<Map<String, Object>> field(String name, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", name);
        body.put("message", messages.getMessage("donation.json.invalidField", new Object[] {name}, locale));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    private static String fieldOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException jackson
                    && !jackson.getPath().isEmpty()) {
                var path = jackson.getPath();
                return path.get(path.size() - 1).getPropertyName();
            }
        }
        return null;
    }
}
