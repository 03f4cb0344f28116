package vn.chungtay.ledger.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.shared.web.ModuleApiErrors;

/**
 * The ledger API's answers: a broken ledger rule is 422 with the rule, the field when one is to
 * blame and a message in the caller's language (Vietnamese by default); an unknown campaign or
 * need is 404; unreadable JSON is 400 naming the field.
 */
@RestControllerAdvice(assignableTypes = LedgerApiController.class)
class LedgerApiErrors extends ModuleApiErrors {

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

    LedgerApiErrors(MessageSource messages) {
        super(messages, "ledger");
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
}
