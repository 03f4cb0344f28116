package vn.chungtay.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's {@link ResourceUrlEncodingFilter} (content-hashed URLs for stylesheets and scripts),
 * remembering which link paths are no static asset.
 *
 * <p>Spring's filter looks every link a template renders up in every static location (the
 * {@code /**} resource mapping matches any path), and it remembers only the links it found: a page
 * link such as {@code /public/communes/24640} is looked for again on every rendering, four class
 * path lookups under a lock in the jar. That was half the CPU of rendering {@code /public/needs}
 * (docs/benchmarks.md, issue 7). Here a path Spring left unchanged once is passed on unchanged
 * from then on (the static files do not change while the application runs); at most
 * {@link #REMEMBERED} paths are remembered, then the memory starts again.
 */
class AssetUrlEncodingFilter extends ResourceUrlEncodingFilter {

    static final int REMEMBERED = 20_000;

    private final Map<String, Boolean> notAssets = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse plain)) {
            super.doFilter(request, response, chain);
            return;
        }
        super.doFilter(
                request,
                response,
                (encodingRequest, encodingResponse) -> chain.doFilter(
                        encodingRequest, new Remembering((HttpServletResponse) encodingResponse, plain)));
    }

    /** The link without its query and fragment. */
    static String pathOf(String url) {
        int end = url.length();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return url.substring(0, end);
    }

    /** Asks Spring's wrapper about a link path once; a path it left unchanged goes to the response underneath. */
    private final class Remembering extends HttpServletResponseWrapper {
        private final HttpServletResponse plain;

        Remembering(HttpServletResponse encoding, HttpServletResponse plain) {
            super(encoding);
            this.plain = plain;
        }

        @Override
        public String encodeURL(String url) {
            if (url == null || url.isEmpty()) {
                return super.encodeURL(url);
            }
            String path = pathOf(url);
            if (notAssets.containsKey(path)) {
                return plain.encodeURL(url);
            }
            String encoded = super.encodeURL(url);
            if (encoded.equals(plain.encodeURL(url))) {
                if (notAssets.size() >= REMEMBERED) {
                    notAssets.clear();
                }
                notAssets.put(path, Boolean.TRUE);
            }
            return encoded;
        }
    }
}
