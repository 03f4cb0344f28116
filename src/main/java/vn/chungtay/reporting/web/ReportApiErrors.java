package vn.chungtay.reporting.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.chungtay.reporting.InvalidReportInput;
import vn.chungtay.reporting.ReportRuleViolated;

/**
 * The reports API's answers: bad input 400 naming the field (in the caller's language, Vietnamese
 * by default), a broken workflow rule 409 naming the rule, a concurrent change 409.
 */
@RestControllerAdvice(assignableTypes = {ReportApiController.class, ReportSetupApiController.class})
class ReportApiErrors {

    private final MessageSource messages;

    ReportApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidReportInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidReportInput e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, e.field(), messages.getMessage(e.messageKey(), e.arguments(), locale));
    }

    @ExceptionHandler(ReportRuleViolated.class)
    ResponseEntity<Map<String, Object>> rule(ReportRuleViolated e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "rule");
        body.put("rule", e.rule());
        body.put("message", messages.getMessage(e.messageKey(), e.arguments(), locale));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<Map<String, Object>> concurrent(ObjectOptimisticLockingFailureException e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "conflict");
        body.put("message", messages.getMessage("reporting.concurrentChange", null, locale));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, null, messages.getMessage("reporting.json.unreadable", null, locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return problem(
                HttpStatus.BAD_REQUEST,
                e.getName(),
                messages.getMessage("reporting.json.invalidField", new Object[] {e.getName()}, locale));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e, Locale locale) {
        return problem(
                HttpStatus.BAD_REQUEST,
                e.getParameterName(),
                messages.getMessage("reporting.json.missingField", new Object[] {e.getParameterName()}, locale));
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", field);
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
