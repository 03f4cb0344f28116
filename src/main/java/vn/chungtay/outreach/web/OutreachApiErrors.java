package vn.chungtay.outreach.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.chungtay.outreach.InvalidOutreachInput;

/** The outreach API's answers to bad input: 400 naming the field, in the caller's language (Vietnamese by default). */
@RestControllerAdvice(assignableTypes = OutreachApiController.class)
class OutreachApiErrors {

    private final MessageSource messages;

    OutreachApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidOutreachInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidOutreachInput e, Locale locale) {
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = fieldOf(e);
        String message = field == null
                ? messages.getMessage("outreach.json.unreadable", null, locale)
                : messages.getMessage("outreach.json.invalidField", new Object[] {field}, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", field);
        body.put("message", message);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", e.getName());
        body.put("message", messages.getMessage("outreach.json.invalidField", new Object[] {e.getName()}, locale));
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
