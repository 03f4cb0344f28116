package vn.chungtay.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts (form and HTTP Basic at {@code POST /login}) and public searches
 * (a {@code q} parameter under {@code /public/}) per client address and minute; beyond the limit
 * the answer is 429 with a Vietnamese message and a {@code Retry-After}. Counters live in this
 * instance's memory: with several instances each counts its own share (see docs/scaling.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {

    private final int signInPerMinute;
    private final int publicSearchPerMinute;
    private final Clock clock;
    private final MessageSource messages;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    RateLimitFilter(
            @Value("${chungtay.rate-limit.sign-in-per-minute:20}") int signInPerMinute,
            @Value("${chungtay.rate-limit.public-search-per-minute:120}") int publicSearchPerMinute,
            MessageSource messages) {
        this(signInPerMinute, publicSearchPerMinute, Clock.systemUTC(), messages);
    }

    RateLimitFilter(int signInPerMinute, int publicSearchPerMinute, Clock clock, MessageSource messages) {
        this.signInPerMinute = signInPerMinute;
        this.publicSearchPerMinute = publicSearchPerMinute;
        this.clock = clock;
        this.messages = messages;
    }

    private record Window(long minute, AtomicInteger count) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String kind = kind(request);
        if (kind == null) {
            chain.doFilter(request, response);
            return;
        }
        int limit = kind.equals("sign-in") ? signInPerMinute : publicSearchPerMinute;
        long minute = clock.millis() / 60_000;
        String key = kind + '|' + request.getRemoteAddr();
        Window window = windows.compute(
                key,
                (k, current) -> current == null || current.minute() != minute
                        ? new Window(minute, new AtomicInteger())
                        : current);
        if (window.count().incrementAndGet() > limit) {
            refuse(request, response, (int) (60 - (clock.millis() / 1000) % 60));
            return;
        }
        if (windows.size() > 50_000) {
            windows.values().removeIf(w -> w.minute() != minute);
        }
        chain.doFilter(request, response);
    }

    private static String kind(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && path.equals("/login")) {
            return "sign-in";
        }
        if (path.startsWith("/public/") && request.getParameter("q") != null) {
            return "public-search";
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int retryAfterSeconds)
            throws IOException {
        Locale locale = "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        String message = messages.getMessage("error.tooManyRequests", null, "Too many requests", locale);
        response.setStatus(429);
        response.setHeader("Retry-After", Integer.toString(Math.max(1, retryAfterSeconds)));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"error\":\"too_many_requests\",\"message\":\"" + message.replace("\"", "'") + "\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write(message);
        }
    }
}
