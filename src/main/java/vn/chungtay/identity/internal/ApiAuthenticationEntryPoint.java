package vn.chungtay.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** The API answers 401 and 403 as small JSON documents, never with a redirect to the sign-in page. */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Without an Accept-Language header, answer in the app's default language. */
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ApiAuthenticationEntryPoint(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String key = exception instanceof LockedException ? "identity.api.locked" : "identity.api.unauthorized";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ChungTay\", Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", message(key, request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", message("identity.api.forbidden", request));
    }

    private String message(String key, HttpServletRequest request) {
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? VIETNAMESE : request.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    private static void write(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"" + json(error) + "\",\"message\":\"" + json(message) + "\"}");
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
