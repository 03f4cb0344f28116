package vn.chungtay.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.chungtay.identity.UserNotFound;
import vn.chungtay.shared.security.OutsideScope;

/** Outside one's scope is 403 and an unknown user 404, both shown by the app's error page. */
@ControllerAdvice(basePackageClasses = IdentityWebErrors.class)
class IdentityWebErrors {

    @ExceptionHandler(OutsideScope.class)
    void outsideScope(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    @ExceptionHandler(UserNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
