package vn.chungtay.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;

/** Stylesheets and scripts get content-hashed URLs; page links stay as written, every time. */
@IntegrationTest
class AssetUrlEncodingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetailsService;

    private Document page() throws Exception {
        return Jsoup.parse(mvc.perform(get("/needs").with(user(userDetailsService.loadUserByUsername("xa.cujut"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void assetsAreVersionedAndPageLinksLeftAsTheyAre() throws Exception {
        for (int i = 0; i < 3; i++) {
            Document page = page();
            assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
                    .anyMatch(href -> href.matches("/css/app-[0-9a-f]{32}\\.css"))
                    .anyMatch(href -> href.matches("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min\\.css"));
            assertThat(page.select("script[src]").eachAttr("src"))
                    .anyMatch(src -> src.matches("/js/app-[0-9a-f]{32}\\.js"));
            assertThat(page.select("a[href]").eachAttr("href"))
                    .contains("/public/needs", "/children", "/profile")
                    .noneMatch(href -> href.matches(".*-[0-9a-f]{32}.*") && !href.startsWith("/css/"));
        }
    }

    @Test
    void theMemoryOfLinkPathsIgnoresQueriesAndFragments() {
        assertThat(AssetUrlEncodingFilter.pathOf("/public/needs?page=2#x")).isEqualTo("/public/needs");
        assertThat(AssetUrlEncodingFilter.pathOf("/css/app.css")).isEqualTo("/css/app.css");
        assertThat(AssetUrlEncodingFilter.pathOf("/a#b?c")).isEqualTo("/a");
    }
}
