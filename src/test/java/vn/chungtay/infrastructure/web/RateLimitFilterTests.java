package vn.chungtay.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTests {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final MutableClock clock = new MutableClock();

    RateLimitFilterTests() {
        messages.addMessage("error.tooManyRequests", java.util.Locale.forLanguageTag("vi"), "Bạn đã thử quá nhiều lần");
    }

    private int call(RateLimitFilter filter, String method, String path, String query, String address)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        if (query != null) {
            request.setParameter("q", query);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void refusesTheSignInAttemptAboveTheLimitWithinAMinuteAndForgivesTheNextMinute() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(3, 100, clock, messages);
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, "POST", "/login", null, "203.0.113.5")).isEqualTo(200);
        }
        assertThat(call(filter, "POST", "/login", null, "203.0.113.5")).isEqualTo(429);
        assertThat(call(filter, "POST", "/login", null, "203.0.113.6"))
                .as("another address")
                .isEqualTo(200);
        assertThat(call(filter, "GET", "/login", null, "203.0.113.5"))
                .as("the form itself")
                .isEqualTo(200);

        clock.advanceSeconds(60);
        assertThat(call(filter, "POST", "/login", null, "203.0.113.5")).isEqualTo(200);
    }

    @Test
    void limitsPublicSearchesButNotPlainPublicPages() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(100, 2, clock, messages);
        assertThat(call(filter, "GET", "/public/needs", "sách", "198.51.100.1")).isEqualTo(200);
        assertThat(call(filter, "GET", "/public/ledger", "an", "198.51.100.1")).isEqualTo(200);
        assertThat(call(filter, "GET", "/public/needs", "vở", "198.51.100.1")).isEqualTo(429);
        for (int i = 0; i < 10; i++) {
            assertThat(call(filter, "GET", "/public/needs", null, "198.51.100.1"))
                    .isEqualTo(200);
        }
    }

    @Test
    void theRefusalSaysWhyInVietnameseAndWhenToComeBack() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(0, 0, clock, messages);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.addPreferredLocale(java.util.Locale.forLanguageTag("vi"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicInteger passed = new AtomicInteger();
        filter.doFilter(request, response, (req, res) -> passed.incrementAndGet());
        assertThat(passed).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentAsString()).contains("quá nhiều lần");
        assertThat(Integer.parseInt(response.getHeader("Retry-After"))).isBetween(1, 60);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T08:00:00Z");

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
