package vn.chungtay.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Back to the sign-in page, which says either "wrong username or password" or "temporarily locked". */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

    private final SignInAttempts attempts;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    LoginFailureHandler(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean locked = exception instanceof LockedException || attempts.isLocked(request.getParameter("username"));
        redirects.sendRedirect(request, response, locked ? "/login?locked" : "/login?error");
    }
}
