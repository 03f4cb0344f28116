package vn.chungtay.shared.web;

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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.chungtay.shared.validation.FieldProblem;

/**
 * What every module's JSON API answers to input it cannot read: 400 with {@code error: invalid},
 * the field to blame and a message in the caller's language (Vietnamese by default), taken from the
 * module's own keys {@code <prefix>.json.unreadable} and {@code <prefix>.json.invalidField}. A
 * module's advice extends this class, names its controllers in {@code @RestControllerAdvice} and
 * adds handlers for its own rule exceptions, using {@link #invalid(List, Locale)} for its list of
 * problems.
 */
public abstract class ModuleApiErrors {

    protected final MessageSource messages;
    private final String prefix;

    protected ModuleApiErrors(MessageSource messages, String prefix) {
        this.messages = messages;
        this.prefix = prefix;
    }

    /** Every problem of an invalid input, the first one also at the top level: 400. */
    protected ResponseEntity<Map<String, Object>> invalid(List<? extends FieldProblem> problems, Locale locale) {
        List<Map<String, Object>> errors = problems.stream()
                .map(p -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("field", p.field());
                    error.put("message", message(p.messageKey(), p.argumentArray(), locale));
                    return error;
                })
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", errors.isEmpty() ? null : errors.get(0).get("field"));
        body.put("message", errors.isEmpty() ? null : errors.get(0).get("message"));
        body.put("errors", errors);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    /** One field to blame with a message already in the caller's language: 400. */
    protected static ResponseEntity<Map<String, Object>> invalid(String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", field);
        body.put("message", message);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    protected String message(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** A field whose value cannot be read: 400 naming it. */
    protected ResponseEntity<Map<String, Object>> invalidField(String field, Locale locale) {
        return invalid(field, messages.getMessage(prefix + ".json.invalidField", new Object[] {field}, locale));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = fieldOf(e);
        return field == null
                ? invalid(null, messages.getMessage(prefix + ".json.unreadable", null, locale))
                : invalidField(field, locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return invalidField(e.getName(), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Map<String, Object>> missingParameter(
            MissingServletRequestParameterException e, Locale locale) {
        return invalidField(e.getParameterName(), locale);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException e, Locale locale) {
        return invalidField(e.getRequestPartName(), locale);
    }

    /** The JSON property the reader choked on, or {@code null} when the body as a whole is unreadable. */
    static String fieldOf(Throwable e) {
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
