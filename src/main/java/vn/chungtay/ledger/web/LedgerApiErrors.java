package vn.chungtay.ledger.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.chungtay.ledger.LedgerRuleBroken;

/**
 * The ledger API's answers: a broken ledger rule is 422 with the rule, the field when one is to
 * blame and a message in the caller's language (Vietnamese by default); an unknown campaign or
 * need is 404; unreadable JSON is 400 naming the field.
 */
@RestControllerAdvice(assignableTypes = LedgerApiController.class)
class LedgerApiErrors {

    private static final Set<String> NOT_FOUND = Set.of("campaignExists", "needExists");
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("amountPositive", "amount"),
            Map.entry("amountInRange", "amount"),
            Map.entry("quantityPositive", "item"),
            Map.entry("quantityInRange", "item"),
            Map.entry("itemComplete", "item"),
            Map.entry("postingNamesCampaign", "campaignId"),
            Map.entry("campaignExists", "campaignId"),
            Map.entry("needExists", "needId"),
            Map.entry("allocateOnlyToOpenNeeds", "needId"),
            Map.entry("communeExists", "communeCode"),
            Map.entry("villageOfCommune", "villageCode"),
            Map.entry("categoryExists", "categoryCode"),
            Map.entry("allocationNamesDestination", "needId"),
            Map.entry("fromUnitCodeRequired", "fromUnitCode"),
            Map.entry("toUnitCodeRequired", "toUnitCode"),
            Map.entry("transferBetweenTwoUnits", "toUnitCode"),
            Map.entry("dateNotInFuture", "date"),
            Map.entry("reversalHasReason", "reason"),
            Map.entry("allocatedAtMostReceived", "amount"),
            Map.entry("allocatedQuantityAtMostReceived", "item"),
            Map.entry("transferredAtMostPoolBalance", "amount"),
            Map.entry("transferredQuantityAtMostPoolBalance", "item"));

    private final MessageSource messages;

    LedgerApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(LedgerRuleBroken.class)
    ResponseEntity<Map<String, Object>> rule(LedgerRuleBroken e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "rule");
        body.put("rule", e.rule());
        body.put("field", FIELDS.get(e.rule()));
        body.put("message", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        HttpStatus status = NOT_FOUND.contains(e.rule()) ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = fieldOf(e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", field);
        body.put(
                "message",
                field == null
                        ? messages.getMessage("ledger.json.unreadable", null, locale)
                        : messages.getMessage("ledger.json.invalidField", new Object[] {field}, locale));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid");
        body.put("field", e.getName());
        body.put("message", messages.getMessage("ledger.json.invalidField", new Object[] {e.getName()}, locale));
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
