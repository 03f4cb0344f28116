package vn.chungtay.delivery.web;

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
import org.springframework.web.multipart.MultipartException;
import vn.chungtay.delivery.DeliveryRefused;
import vn.chungtay.delivery.DuplicateSupportWarning;
import vn.chungtay.delivery.InvalidDeliveryInput;
import vn.chungtay.delivery.SupportRecord;

/**
 * The delivery API's answers, in the caller's language (Vietnamese by default): bad input 400 naming
 * the field, a likely repeated support 409 with the earlier records, a broken rule (more than was
 * allocated, a need not funded) 422.
 */
@RestControllerAdvice(assignableTypes = DeliveryApiController.class)
class DeliveryApiErrors {

    private final MessageSource messages;

    DeliveryApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidDeliveryInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidDeliveryInput e, Locale locale) {
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

    @ExceptionHandler(DeliveryRefused.class)
    ResponseEntity<Map<String, Object>> refused(DeliveryRefused e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "rule");
        body.put("rule", e.rule());
        body.put("message", DeliveryPageController.refusal(messages, e, locale));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    @ExceptionHandler(DuplicateSupportWarning.class)
    ResponseEntity<Map<String, Object>> duplicate(DuplicateSupportWarning e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "duplicate");
        body.put("message", messages.getMessage("delivery.duplicate.api", null, locale));
        body.put("earlier", e.earlier().stream().map(DeliveryApiErrors::earlier).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = fieldOf(e);
        String message = field == null
                ? messages.getMessage("delivery.json.unreadable", null, locale)
                : messages.getMessage("delivery.json.invalidField", new Object[] {field}, locale);
        return invalid(field, message);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return invalid(
                e.getName(), messages.getMessage("delivery.json.invalidField", new Object[] {e.getName()}, locale));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> badUpload(MultipartException e, Locale locale) {
        return invalid("file", messages.getMessage("delivery.file.unreadable", null, locale));
    }

    private static ResponseEntity<Map<String, Object>> invalid(String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", field);
        body.put("message", message);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    private static Map<String, Object> earlier(SupportRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("childId", r.childId());
        row.put("deliveryId", r.deliveryId());
        row.put("needId", r.needId());
        row.put("categoryCode", r.categoryCode());
        row.put("year", r.year());
        row.put("season", r.season());
        row.put("date", r.date());
        row.put("campaignId", r.campaignId());
        row.put("communeCode", r.communeCode());
        return row;
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
