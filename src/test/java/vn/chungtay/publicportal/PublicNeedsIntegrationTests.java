package vn.chungtay.publicportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.IntegrationTest;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.need.PublicNeeds;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class PublicNeedsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NeedManagement needs;

    @Autowired
    PublicNeeds publicNeeds;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** A need published by the system (standing in for commune and province), optionally funded. */
    private NeedView published(String unitCode, String target, String served, String description, long funded) {
        NeedView[] result = new NeedView[1];
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            NeedView need = needs.create(new NeedForm(
                    target,
                    null,
                    unitCode,
                    null,
                    "VUI_CHOI",
                    description,
                    "10",
                    "bộ",
                    "250000",
                    Integer.toString(organisation.today().getYear()),
                    "Đợt " + UUID.randomUUID(),
                    null,
                    "HIGH",
                    served,
                    true));
            NeedId id = need.id();
            needs.submit(id);
            needs.approve(id);
            needs.publish(id);
            result[0] = funded > 0 ? needs.recordFunding(id, Vnd.of(funded)) : needs.get(id);
        });
        return result[0];
    }

    private String villageNamed(String commune, String folded) {
        return organisation.villages(commune, organisation.today()).stream()
                .filter(v -> vn.chungtay.shared.text.VietnameseText.fold(v.fullName())
                        .equals(folded))
                .findFirst()
                .orElseThrow()
                .code();
    }

    private JsonNode needJson(long id, String query) throws Exception {
        String body = mvc.perform(get("/public/needs.json?size=100&q=" + query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (JsonNode node : json.readTree(body).get("content")) {
            if (node.get("id").asLong() == id) {
                return node;
            }
        }
        return null;
    }

    @Test
    void anonymousVisitorsSeePublishedNeedsByProvinceCommuneAndVillage() throws Exception {
        String html = mvc.perform(get("/public/needs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#public-needs h2").eachText()).contains("Tỉnh Lâm Đồng");
        assertThat(page.select("#public-needs h3").eachText()).contains("Xã Cư Jút");
        assertThat(page.select(".public-need")).hasSizeBetween(1, 20);
        assertThat(page.select(".progress-bar")).isNotEmpty();
        assertThat(html).contains("₫").doesNotContain("DRAFT");
    }

    @Test
    void visitorsNarrowTheListToOneProvince() throws Exception {
        Document lamDong = Jsoup.parse(mvc.perform(get("/public/needs").param("province", "68"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(lamDong.select("#province option[selected]").eachAttr("value"))
                .containsExactly("68");
        assertThat(lamDong.select("#public-needs h2").eachText()).containsOnly("Tỉnh Lâm Đồng");
        assertThat(lamDong.select(".public-need")).isNotEmpty();

        Document hanoi = Jsoup.parse(mvc.perform(get("/public/needs").param("province", "01"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(hanoi.select(".public-need")).isEmpty();
        assertThat(hanoi.select("#province option").eachAttr("value")).contains("", "01", "68");
    }

    @Test
    void showsWhatIsNeededAndFundedWithTheProgressInWholeDong() throws Exception {
        String village = villageNamed("24640", "buon trum");
        String marker = "Bóng đá kiểm thử " + UUID.randomUUID().toString().substring(0, 6);
        NeedView need = published(village, "VILLAGE", "12", marker, 1_000_000);
        JsonNode node = needJson(need.id().value(), marker.replace(' ', '+'));
        assertThat(node).isNotNull();
        assertThat(node.get("total").asLong()).isEqualTo(2_500_000);
        assertThat(node.get("funded").asLong()).isEqualTo(1_000_000);
        assertThat(node.get("percentFunded").asInt()).isEqualTo(40);
        assertThat(node.get("status").asText()).isEqualTo("PARTLY_FUNDED");
        assertThat(node.get("village").get("name").asText()).isEqualTo("Buôn Trum");
        assertThat(node.get("childrenServed").asInt()).isEqualTo(12);
        mvc.perform(get("/public/needs").param("q", marker))
                .andExpect(content().string(containsString("Đã nhận 1.000.000 ₫ / cần 2.500.000 ₫ (40%)")))
                .andExpect(content().string(containsString("width: 40%")))
                .andExpect(content().string(containsString("Buôn Trum")));
    }

    @Test
    void searchIgnoresDiacritics() throws Exception {
        mvc.perform(get("/public/needs").param("q", "buon buor"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Buôn Buôr")))
                .andExpect(content().string(not(containsString("Không có nhu cầu nào phù hợp."))));
        mvc.perform(get("/public/needs.json").param("q", "AO AM buon buor"))
                .andExpect(jsonPath("$.totalElements", org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.content[0].village.name").value("Buôn Buôr"));
        mvc.perform(get("/public/needs.json").param("category", "DO_AM").param("size", "100"))
                .andExpect(jsonPath(
                        "$.content[*].category.code",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("DO_AM"))));
    }

    @Test
    void aFigureAboutFewerChildrenThanTheThresholdIsShownAtCommuneLevel() throws Exception {
        assertThat(publicNeeds.minCount()).isEqualTo(3);
        String village = villageNamed("24640", "buon nui");
        String marker = "Đàn kiểm thử " + UUID.randomUUID().toString().substring(0, 6);
        NeedView two = published(village, "VILLAGE", "2", marker, 0);
        NeedView three = published(village, "VILLAGE", "3", marker, 0);
        JsonNode small = needJson(two.id().value(), marker.replace(' ', '+'));
        JsonNode enough = needJson(three.id().value(), marker.replace(' ', '+'));
        assertThat(small.get("village").isNull()).isTrue();
        assertThat(small.get("commune").get("name").asText()).isEqualTo("Xã Cư Jút");
        assertThat(small.get("childrenServed").asInt()).isEqualTo(2);
        assertThat(enough.get("village").get("name").asText()).isEqualTo("Buôn Nui");
        // the hidden village does not give the small need away through search either
        assertThat(needJson(two.id().value(), "buon+nui")).isNull();
        assertThat(needJson(three.id().value(), "buon+nui")).isNotNull();
        String html = mvc.perform(get("/public/needs").param("q", marker))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#public-needs h4").eachText()).containsExactly("Cấp xã", "Buôn Nui");
    }

    @Test
    void communePageShowsItsApprovedPlanAndWhatWasFunded() throws Exception {
        mvc.perform(get("/public/communes/24640"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Xã Cư Jút")))
                .andExpect(content().string(containsString("id=\"approved-plan\"")))
                .andExpect(content()
                        .string(containsString(
                                "Kế hoạch năm " + organisation.today().getYear())))
                .andExpect(content().string(containsString("Đồ ấm (áo ấm, chăn)")));
        mvc.perform(get("/public/communes/24646"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa có kế hoạch năm được duyệt.")));
        mvc.perform(get("/public/communes/99999")).andExpect(status().isNotFound());
    }

    @Test
    void firstLoadIsLightSelfContainedAndWorksWithoutJavaScript() throws Exception {
        byte[] html = mvc.perform(get("/public/needs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Document page = Jsoup.parse(new String(html, java.nio.charset.StandardCharsets.UTF_8));
        List<String> assets =
                new java.util.ArrayList<>(page.select("link[rel=stylesheet]").eachAttr("href"));
        assets.addAll(page.select("script[src]").eachAttr("src"));
        assertThat(assets).allMatch(a -> a.startsWith("/"));
        assertThat(page.select("img[src^=http], iframe, link[href^=http], script[src^=http]"))
                .isEmpty();
        long total = gzipped(html);
        for (String asset : assets) {
            total += gzipped(mvc.perform(get(asset))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray());
        }
        assertThat(total).as("bytes transferred compressed").isLessThanOrEqualTo(100 * 1024);
        // filters and paging are a plain GET form and links
        assertThat(page.select("form[method=get][action=/public/needs]")).hasSize(1);
        assertThat(page.select("a[href^=/public/communes/]")).isNotEmpty();
    }

    private static long gzipped(byte[] body) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }
}
