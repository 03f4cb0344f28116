package vn.chungtay.supervision.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.chungtay.shared.web.ModuleApiErrors;
import vn.chungtay.supervision.InvalidSupervisionInput;

/** The supervision API's answers to bad input: 400 naming the field, in the caller's language (Vietnamese by default). */
@RestControllerAdvice(assignableTypes = SupervisionApiController.class)
class SupervisionApiErrors extends ModuleApiErrors {

    SupervisionApiErrors(MessageSource messages) {
        super(messages, "supervision");
    }

    @ExceptionHandler(InvalidSupervisionInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidSupervisionInput e, Locale locale) {
        return invalid(e.problems(), locale);
    }
}
