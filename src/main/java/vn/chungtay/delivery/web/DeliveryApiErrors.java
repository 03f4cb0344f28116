package vn.chungtay.delivery.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import vn.chungtay.delivery.DeliveryRefused;
import vn.chungtay.delivery.DuplicateSupportWarning;
import vn.chungtay.delivery.InvalidDeliveryInput;
import vn.chungtay.delivery.SupportRecord;
import vn.chungtay.shared.web.ModuleApiErrors;

/**
 * The delivery API's answers, in the caller's language (Vietnamese by default): bad input 400 naming
 * the field, a likely repeated support 409 with the earlier records, a broken rule (more than was
 * allocated, a need not funded) 422.
 */
@RestControllerAdvice(assignableTypes = DeliveryApiController.class)
class DeliveryApiErrors extends ModuleApiErrors {

    DeliveryApiErrors(MessageSource messages) {
        super(messages, "delivery");
    }

    @ExceptionHandler(InvalidDeliveryInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidDeliveryInput e, Locale locale) {
        return invalid(e.problems(), locale);
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

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> badUpload(MultipartException e, Locale locale) {
        return invalid("file", messages.getMessage("delivery.file.unreadable", null, locale));
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
}
