package vn.chungtay.publicportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.publicportal.internal.PublicPageCache;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * The kept anonymous public pages: a change shows on the next request, a kept page is what a fresh
 * rendering gives, it never goes to another language or to someone signed in, and no visitor gets a
 * session.
 */
@IntegrationTest
class PublicPageCacheIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicPageCache cache;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    Ledger ledger;

    @Autowired
    UserDetailsService userDetailsService;

    @Autowired
    TransactionTemplate transactions;

    private static String marker() {
        return "Mũ-len-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private MvcResult anonymous(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result;
    }

    private String page(String url) throws Exception {
        return anonymous(get(url)).getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The needs a page lists (the search box repeats what was typed). */
    private String listed(String url) throws Exception {
        return Jsoup.parse(page(url)).select(".public-need").text();
    }

    private NeedId publishedNeed(String description) {
        NeedId[] id = new NeedId[1];
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            id[0] = needs.create(new NeedForm(
                            "COMMUNE",
                            null,
                            "24640",
                            null,
                            "DO_AM",
                            description,
                            "5",
                            "chiếc",
                            "90000",
                            Integer.toString(organisation.today().getYear()),
                            "Đông",
                            null,
                            "HIGH",
                            "5",
                            true))
                    .id();
            needs.submit(id[0]);
            needs.approve(id[0]);
            needs.publish(id[0]);
        });
        return id[0];
    }

    private Campaign campaign() {
        Campaign[] created = new Campaign[1];
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> created[0] = campaigns.create(new CampaignForm(
                        "Chiến dịch kiểm thử trang công khai " + UUID.randomUUID(),
                        "24640",
                        organisation.today().minusDays(30),
                        organisation.today().plusDays(30),
                        10_000_000L,
                        null,
                        List.of(),
                        List.of())));
        return created[0];
    }

    private void gift(Campaign campaign, String donor) {
        ledger.postReceipt(new ReceiptPosting(
                campaign.id(),
                campaign.unitCode(),
                organisation.today(),
                Vnd.of(150_000),
                null,
                31L,
                donor,
                "ung ho",
                null));
    }

    @Test
    void publishingAndWithdrawingANeedShowOnTheNextRequest() throws Exception {
        String marker = marker();
        String url = "/public/needs?q=" + marker;
        assertThat(listed(url)).doesNotContain(marker);
        long hits = cache.hits();
        assertThat(listed(url)).doesNotContain(marker);
        assertThat(cache.hits())
                .as("the second request is answered from the cache")
                .isEqualTo(hits + 1);

        NeedId id = publishedNeed(marker);
        assertThat(listed(url)).contains(marker);
        assertThat(page("/public/needs.json?q=" + marker)).contains(marker);

        CurrentActor.runAs(Actor.SYSTEM, () -> needs.cancel(id, "Trùng với nhu cầu khác"));
        assertThat(listed(url)).doesNotContain(marker);
        assertThat(page("/public/needs.json?q=" + marker)).doesNotContain(marker);
    }

    @Test
    void aNewLedgerPostingAppearsOnTheNextRequest() throws Exception {
        Campaign campaign = campaign();
        gift(campaign, "Người Ủng Hộ Thứ Nhất");
        String url = "/public/ledger?campaign=" + campaign.id().value();
        assertThat(page(url)).contains("Người Ủng Hộ Thứ Nhất").doesNotContain("Người Ủng Hộ Thứ Hai");
        long hits = cache.hits();
        page(url);
        assertThat(cache.hits()).isEqualTo(hits + 1);

        gift(campaign, "Người Ủng Hộ Thứ Hai");
        assertThat(page(url)).contains("Người Ủng Hộ Thứ Hai");
        // the page without a campaign and the chain head follow every posting too
        assertThat(page("/public/ledger/head?campaign=" + campaign.id().value()))
                .contains("\"count\":2");
    }

    @Test
    void aChangeRolledBackLeavesTheKeptPageAndACommittedOneDoesNot() throws Exception {
        String marker = marker();
        String url = "/public/needs?province=68&q=" + marker;
        page(url);
        long hits = cache.hits();
        transactions.executeWithoutResult(status -> {
            publishedNeed(marker);
            status.setRollbackOnly();
        });
        assertThat(listed(url)).doesNotContain(marker);
        assertThat(cache.hits()).as("nothing committed: still kept").isEqualTo(hits + 1);

        publishedNeed(marker);
        assertThat(listed(url)).contains(marker);
        assertThat(cache.hits()).as("a committed change makes it stale").isEqualTo(hits + 1);
    }

    @Test
    void theVietnamesePageIsNotServedInEnglish() throws Exception {
        String vi = page("/public/needs");
        page("/public/needs");
        assertThat(vi).contains("lang=\"vi\"");

        String en = anonymous(get("/public/needs").cookie(new Cookie("chungtay-lang", "en")))
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("lang=\"en\"").isNotEqualTo(vi);
        MvcResult switched = anonymous(get("/public/needs").param("lang", "en"));
        assertThat(switched.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("lang=\"en\"");
        assertThat(switched.getResponse().getCookie("chungtay-lang")).isNotNull();
        assertThat(page("/public/needs")).contains("lang=\"vi\"");
    }

    @Test
    void aSignedInPersonDoesNotGetTheAnonymousPage() throws Exception {
        String anonymousPage = page("/public/needs");
        page("/public/needs");
        long hits = cache.hits();
        String signedIn = mvc.perform(
                        get("/public/needs").with(user(userDetailsService.loadUserByUsername("xa.cujut"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(signedIn).contains("xa.cujut").contains("/logout");
        assertThat(anonymousPage).doesNotContain("xa.cujut").doesNotContain("/logout");
        assertThat(cache.hits()).isEqualTo(hits);
        assertThat(page("/public/needs")).doesNotContain("xa.cujut");
    }

    @Test
    void anonymousVisitorsOfThePublicPagesGetNoSession() throws Exception {
        Campaign campaign = campaign();
        gift(campaign, "Người Ủng Hộ Không Phiên");
        for (boolean enabled : new boolean[] {true, false}) {
            cache.setEnabled(enabled);
            try {
                for (String url : List.of(
                        "/",
                        "/public/needs",
                        "/public/needs?page=1",
                        "/public/needs.json",
                        "/public/communes/24640",
                        "/public/ledger",
                        "/public/ledger?campaign=" + campaign.id().value(),
                        "/public/ledger?campaign=" + campaign.id().value() + "&q=nguoi")) {
                    for (int i = 0; i < 2; i++) {
                        MvcResult result = anonymous(get(url));
                        assertThat(result.getRequest().getSession(false))
                                .as("session for " + url)
                                .isNull();
                        assertThat(result.getResponse().getHeaders("Set-Cookie"))
                                .as("cookies of " + url)
                                .isEmpty();
                        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                                .doesNotContain("X-CSRF-TOKEN");
                    }
                }
            } finally {
                cache.setEnabled(true);
            }
        }
    }

    @Test
    void keptPagesEqualFreshlyRenderedOnes() throws Exception {
        Campaign campaign = campaign();
        gift(campaign, "Người Ủng Hộ So Sánh");
        List<String> urls = List.of(
                "/public/needs",
                "/public/needs?page=1",
                "/public/needs?province=68",
                "/public/needs.json?province=68",
                "/public/communes/24640",
                "/public/ledger?campaign=" + campaign.id().value(),
                "/public/ledger?campaign=" + campaign.id().value() + "&q=so+sanh");
        for (String url : urls) {
            cache.setEnabled(false);
            String fresh;
            try {
                fresh = page(url);
            } finally {
                cache.setEnabled(true);
            }
            String rendered = page(url);
            long hits = cache.hits();
            String kept = page(url);
            assertThat(cache.hits()).as(url).isEqualTo(hits + 1);
            assertThat(kept).as(url).isEqualTo(rendered).isEqualTo(fresh);
        }
    }

    @Test
    void aKeptPageIsRevalidatedWithItsEtagAndSentCompressed() throws Exception {
        MvcResult first = anonymous(get("/public/needs"));
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(first.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(first.getResponse().getHeader("Vary")).contains("Cookie");

        MvcResult again =
                mvc.perform(get("/public/needs").header("If-None-Match", etag)).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(304);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();

        MvcResult gzipped = anonymous(get("/public/needs").header("Accept-Encoding", "gzip, deflate"));
        assertThat(gzipped.getResponse().getHeader("Content-Encoding")).isEqualTo("gzip");
        byte[] body;
        try (GZIPInputStream in = new GZIPInputStream(
                new ByteArrayInputStream(gzipped.getResponse().getContentAsByteArray()))) {
            body = in.readAllBytes();
        }
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(page("/public/needs"));
        // the security headers are written as for any page
        assertThat(gzipped.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(gzipped.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
    }
}
