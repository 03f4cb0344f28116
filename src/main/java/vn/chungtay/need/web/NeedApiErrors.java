package vn.chungtay.need.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.chungtay.need.DuplicateNeedWarning;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.NeedRuleViolated;
import vn.chungtay.shared.web.ModuleApiErrors;

/**
 * The API's answers to bad input (400, naming the field, in the caller's language, Vietnamese by
 * default), a broken lifecycle rule (409) and a likely duplicate (409 with the duplicates' ids).
 */
@RestControllerAdvice(assignableTypes = {NeedApiController.class, PlanApiController.class})
class NeedApiErrors extends ModuleApiErrors {

    NeedApiErrors(MessageSource messages) {
        super(messages, "need");
    }

    @ExceptionHandler(InvalidNeedInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidNeedInput e, Locale locale) {
        return invalid(e.problems(), locale);
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
}
