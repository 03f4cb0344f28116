package vn.chungtay.privacy.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.chungtay.privacy.InvalidPrivacyInput;

/** The API's answers to bad input: 400 naming the field, in the caller's language (Vietnamese by default). */
@RestControllerAdvice(assignableTypes = PrivacyApiController.class)
class PrivacyApiErrors {

    private final MessageSource messages;

    PrivacyApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidPrivacyInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidPrivacyInput e, Locale locale) {
        String field = messages.getMessage("privacy.field." + e.field(), null, e.field(), locale);
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "error",
                        "invalid",
                        "field",
                        e.field(),
                        "message",
                        field + ": " + messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        IllegalArgumentException.class
    })
    ResponseEntity<Map<String, Object>> unreadable(Exception e, Locale locale) {
        return ResponseEntity.badRequest()
                .body(Map.of(
                        "error",
                        "invalid",
                        "message",
                        messages.getMessage("privacy.error.unreadable", null, "privacy.error.unreadable", locale)));
    }
}
