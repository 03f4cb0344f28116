package vn.chungtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class SecurityHeadersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void pagesAndTheApiForbidInlineScriptsFramingAndSniffing() throws Exception {
        for (String path : new String[] {"/", "/login", "/public/needs", "/api/v1/me"}) {
            MockHttpServletResponse response =
                    mvc.perform(get(path)).andReturn().getResponse();
            String csp = response.getHeader("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self';").contains("frame-ancestors 'none'");
            String scriptSources =
                    csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
            assertThat(scriptSources).as(path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }
}
