package vn.chungtay.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A form upload over the limit, seen before Spring MVC: the CSRF check reads the form's {@code _csrf}
 * field, which makes Tomcat parse the multipart body, and Tomcat refuses it there (an {@code
 * InvalidParameterException} with code 413) — out of reach of {@link UploadTooLargeAdvice}. Left
 * alone, the error page dispatch read a parameter again, Tomcat threw again and answered with its
 * own English page. Here the refusal becomes a 413 rendered by the application's error page with
 * the Vietnamese message (forwarded as a GET without body or parameters), or the advice's JSON for
 * {@code /api/**}.
 */
@Component
class UploadTooLargeFilter extends OncePerRequestFilter implements Ordered {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final long limitBytes;

    UploadTooLargeFilter(
            MessageSource messages,
            LocaleResolver locales,
            @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize limit) {
        this.messages = messages;
        this.locales = locales;
        this.limitBytes = limit.toBytes();
    }

    /** Before Spring Security (whose CSRF filter is where the body is first parsed). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            // Tomcat's size exceptions are IOExceptions, thrown even from getParameter
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            refuse(request, response);
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
                    && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return true;
            }
            if (t instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException
                    || t instanceof MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        long megabytes = Math.max(1, limitBytes / (1024 * 1024));
        String message = messages.getMessage("error.uploadTooLarge", new Object[] {megabytes}, locale);
        response.reset();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"error\":\"tooLarge\",\"field\":\"file\",\"message\":\""
                            + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return;
        }
        // the application's error page, reached by a forward that can no longer touch the refused body
        // (Tomcat throws again on any parameter read, and the error page reads ?lang)
        request.setAttribute("problem", message);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "upload too large");
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        try {
            request.getRequestDispatcher("/error").forward(new WithoutBody(request), response);
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }

    /** The request as a GET without a body or parameters. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
