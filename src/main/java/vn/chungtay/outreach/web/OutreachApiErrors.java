package vn.chungtay.outreach.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.chungtay.outreach.InvalidOutreachInput;
import vn.chungtay.shared.web.ModuleApiErrors;

/** The outreach API's answers to bad input: 400 naming the field, in the caller's language (Vietnamese by default). */
@RestControllerAdvice(assignableTypes = OutreachApiController.class)
class OutreachApiErrors extends ModuleApiErrors {

    OutreachApiErrors(MessageSource messages) {
        super(messages, "outreach");
    }

    @ExceptionHandler(InvalidOutreachInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidOutreachInput e, Locale locale) {
        return invalid(e.problems(), locale);
    }
}
