package vn.chungtay.need.web;

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
import vn.chungtay.need.DuplicateNeedWarning;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.NeedRuleViolated;

/**
 * The API's answers to bad input (400, naming the field, in the caller's language, Vietnamese by
 * default), a broken lifecycle rule (409) and a likely duplicate (409 with the duplicates' ids).
 */
@RestControllerAdvice(assignableTypes = {NeedApiController.class, PlanApiController.class})
class NeedApiErrors {

    private final MessageSource messages;

    NeedApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidNeedInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidNeedInput e, Locale locale) {
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

    @ExceptionHandler(NeedRuleViolated.class)
    ResponseEntity<Map<String, Object>> rule(NeedRuleViolated e, Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of(
                        "error",
                        "rule",
                        "rule",
                        e.rule(),
                        "message",
                        messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
    }

    @ExceptionHandler(DuplicateNeedWarning.class)
    ResponseEntity<Map<String, Object>> duplicate(DuplicateNeedWarning e, Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of(
                        "error",
                        "duplicate",
                        "message",
                        messages.getMessage("need.duplicate.api", null, locale),
                        "duplicates",
                        e.duplicates().stream().map(d -> d.id().value()).toList()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = fieldOf(e);
        String message = field == null
                ? messages.getMessage("need.json.unreadable", null, locale)
                : messages.getMessage("need.json.invalidField", new Object[] {field}, locale);
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
        body.put("message", messages.getMessage("need.json.invalidField", new Object[] {e.getName()}, locale));
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
