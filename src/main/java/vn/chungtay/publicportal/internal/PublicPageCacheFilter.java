package vn.chungtay.publicportal.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.chungtay.publicportal.internal.PublicPageCache.Page;
import vn.chungtay.publicportal.internal.PublicPageCache.Rendering;

/**
 * Serves the anonymous public read pages (the needs list and its JSON, commune pages, the public
 * ledger and its chain head) from {@link PublicPageCache}, with a validator ({@code ETag}, 304 on
 * {@code If-None-Match}) and compressed when the client accepts gzip.
 *
 * <p>Runs after Spring Security's filters, so the security headers are written as for any page and
 * the visitor is known. Only a GET by someone not signed in and without a session is served from,
 * or kept in, the cache: a signed-in person always gets their own page, and so does anyone whose
 * session might carry a flash message. These pages post no form, so they are rendered without a
 * CSRF token, which would otherwise open a session for every visitor. A page is kept only when it
 * answered 200 without setting a cookie or opening a session. {@code ?lang=} always goes through
 * (it sets the language cookie); the language is part of the key.
 */
@Component
@Order(PublicPageCacheFilter.ORDER)
class PublicPageCacheFilter extends OncePerRequestFilter {

    /** Right after Spring Security's filter chain ({@code spring.security.filter.order}, -100). */
    static final int ORDER = -90;

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[1-9][0-9]{0,11}");
    private static final Pattern COMMUNE_PAGE = Pattern.compile("/public/communes/[^/]+");
    private static final Pattern GZIP =
            Pattern.compile("(^|[\\s,])(gzip|\\*)(?!\\s*;\\s*q\\s*=\\s*0(\\.0*)?\\s*($|,))");
    private static final String VARY = "Cookie, Accept-Encoding, HX-Request";

    private final PublicPageCache cache;
    private final LocaleResolver locales;

    PublicPageCacheFilter(PublicPageCache cache, LocaleResolver locales) {
        this.cache = cache;
        this.locales = locales;
    }

    /** What a public read page depends on, or null when the path is not one. */
    static Set<String> tagsOf(String path, String campaign) {
        if (path.equals("/") || path.equals("/public/needs") || path.equals("/public/needs.json")) {
            return Set.of(PublicPageInvalidation.NEEDS);
        }
        if (COMMUNE_PAGE.matcher(path).matches()) {
            return Set.of(PublicPageInvalidation.NEEDS);
        }
        if (path.equals("/public/ledger")
                || path.equals("/public/ledger/head")
                || path.equals("/public/ledger/heads")) {
            String id = campaign == null ? "" : campaign.strip();
            return CAMPAIGN_ID.matcher(id).matches()
                    ? Set.of(PublicPageInvalidation.LEDGER, PublicPageInvalidation.ledger(Long.parseLong(id)))
                    : Set.of(PublicPageInvalidation.LEDGER, PublicPageInvalidation.ANY_POSTING);
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> tags =
                "GET".equals(request.getMethod()) ? tagsOf(path(request), request.getParameter("campaign")) : null;
        if (tags == null || request.getSession(false) != null || !anonymous()) {
            chain.doFilter(request, response);
            return;
        }
        // no form on these pages posts: without a token no session is opened for the visitor
        request.removeAttribute("_csrf");
        request.removeAttribute(CsrfToken.class.getName());
        if (!cache.enabled() || request.getParameter("lang") != null) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        Page page = cache.fresh(key);
        if (page != null) {
            send(request, response, page);
            return;
        }
        Rendering mine = new Rendering(cache.now(), new java.util.concurrent.CompletableFuture<>());
        Rendering other = cache.joinOrBegin(key, mine);
        if (other != null) {
            Page theirs = await(other);
            if (theirs != null && cache.good(theirs)) {
                send(request, response, theirs);
                return;
            }
            render(request, response, chain, tags, null, new Rendering(cache.now(), null));
            return;
        }
        render(request, response, chain, tags, key, mine);
    }

    private void render(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Set<String> tags,
            String key,
            Rendering mine)
            throws IOException, ServletException {
        cache.rendered();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        Page page = null;
        try {
            chain.doFilter(request, wrapper);
            if (keepable(request, wrapper)) {
                String cacheControl = wrapper.getHeader(HttpHeaders.CACHE_CONTROL);
                page = new Page(
                        wrapper.getContentAsByteArray(),
                        wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.CONTENT_LANGUAGE),
                        cacheControl == null ? "no-cache" : cacheControl,
                        tags,
                        mine.clock(),
                        System.nanoTime());
                wrapper.setHeader(HttpHeaders.ETAG, page.etag);
                wrapper.setHeader(HttpHeaders.CACHE_CONTROL, page.cacheControl);
                wrapper.setHeader(HttpHeaders.VARY, VARY);
            }
        } finally {
            if (key != null) {
                cache.finish(key, mine, page);
            }
        }
        wrapper.copyBodyToResponse();
    }

    private static boolean keepable(HttpServletRequest request, ContentCachingResponseWrapper response) {
        return response.getStatus() == 200
                && !request.isAsyncStarted()
                && request.getSession(false) == null
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && response.getContentType() != null
                && response.getHeader(HttpHeaders.CONTENT_ENCODING) == null;
    }

    private void send(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
        cache.hit();
        response.setHeader(HttpHeaders.ETAG, page.etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, page.cacheControl);
        response.setHeader(HttpHeaders.VARY, VARY);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, page.etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType);
        if (page.contentLanguage != null) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage);
        }
        byte[] body = page.body;
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (page.gzipped != null && accept != null && GZIP.matcher(accept).find()) {
            body = page.gzipped;
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Weak comparison (RFC 9110 13.1.2): the same opaque tag, with or without W/. */
    static boolean matches(String ifNoneMatch, String etag) {
        String wanted = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static Page await(Rendering other) {
        try {
            return other.page().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** The path, the parameters as decoded (in their order), the language and whether htmx asks. */
    private String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(path(request)).append('?');
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                key.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                        .append('&');
            }
        });
        return key.append('|')
                .append(locales.resolveLocale(request).toLanguageTag())
                .append("true".equals(request.getHeader("HX-Request")) ? "|hx" : "")
                .toString();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken;
    }
}
