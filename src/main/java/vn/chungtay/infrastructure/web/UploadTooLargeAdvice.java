package vn.chungtay.infrastructure.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file larger than the configured upload limit: 413 with a message in the person's language
 * (Vietnamese by default) naming the limit — a page for people, JSON for {@code /api/**}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeAdvice {

    private final MessageSource messages;
    private final long limitMegabytes;

    UploadTooLargeAdvice(
            MessageSource messages, @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize limit) {
        this.messages = messages;
        this.limitMegabytes = Math.max(1, limit.toMegabytes());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, Locale locale) {
        String message = messages.getMessage("error.uploadTooLarge", new Object[] {limitMegabytes}, locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "tooLarge");
            body.put("field", "file");
            body.put("message", message);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body);
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
        page.addObject("problem", message);
        return page;
    }
}
