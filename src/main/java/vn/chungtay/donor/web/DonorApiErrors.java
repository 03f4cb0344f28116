package vn.chungtay.donor.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.chungtay.donor.DonorRuleBroken;
import vn.chungtay.donor.InvalidDonor;
import vn.chungtay.shared.web.ModuleApiErrors;

/** The donor API's answers to bad input (400, naming the field, in the caller's language) and broken rules (409). */
@RestControllerAdvice(assignableTypes = DonorApiController.class)
class DonorApiErrors extends ModuleApiErrors {

    DonorApiErrors(MessageSource messages) {
        super(messages, "donor");
    }

    @ExceptionHandler(InvalidDonor.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidDonor e, Locale locale) {
        return invalid(e.problems(), locale);
    }

    @ExceptionHandler(DonorRuleBroken.class)
    ResponseEntity<Map<String, Object>> rule(DonorRuleBroken e, Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of(
                        "error",
                        "rule",
                        "message",
                        messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
    }
}
