package vn.chungtay.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ChildView;
import vn.chungtay.delivery.DeliveryMother.Funded;
import vn.chungtay.delivery.internal.DeliveryFiles;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.shared.security.Actor;

@IntegrationTest
class DeliveryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    NeedManagement needs;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    Ledger ledger;

    @Autowired
    ChildManagement children;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    List<IndicatorProvider> providers;

    DeliveryMother mother;

    @BeforeEach
    void setUp() {
        mother = new DeliveryMother(needs, campaigns, ledger, children, organisation);
    }

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long deliveriesOf(long needId) {
        return jdbc.sql("select count(*) from delivery where need_id = :need")
                .param("need", needId)
                .query(Long.class)
                .single();
    }

    private NeedStatus statusOf(long needId) {
        return DeliveryMother.as(
                Actor.SYSTEM, () -> needs.get(new NeedId(needId)).status());
    }

    private long postDelivery(String json) throws Exception {
        String body = mvc.perform(post("/api/v1/deliveries")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }

    private long recordWithProofOnThePage(Funded funded, byte[] proof) throws Exception {
        mvc.perform(multipart("/deliveries")
                        .file(new MockMultipartFile("proof", "danh-sach.png", "image/png", proof))
                        .param("needId", Long.toString(funded.needId()))
                        .param("date", mother.today().toString())
                        .param("amount", "")
                        .param("items[0].name", "Áo ấm")
                        .param("items[0].quantity", "10")
                        .param("items[0].unit", "bộ")
                        .param("items[0].value", "")
                        .param("childrenCount", "10")
                        .param("handedOverBy", "Chị H'Lan, Hội Phụ nữ xã")
                        .param("proofKind", "SIGNED_LIST")
                        .with(signedIn("xa.cujut"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select max(id) from delivery where need_id = :need")
                .param("need", funded.needId())
                .query(Long.class)
                .single();
    }

    @Test
    void deliveryWithProofMakesTheNeedDeliveredAndLeavesTheLedger() throws Exception {
        Funded funded = mother.fundedNeed("24640", "DO_AM", DeliveryMother.season(), 10, 200_000);
        assertThat(funded.need().status()).isEqualTo(NeedStatus.FUNDED);
        byte[] proof = DeliveryMother.png();
        String campaignName = campaigns.get(funded.campaign()).name();
        mvc.perform(get("/deliveries/new?need=" + funded.needId()).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(campaignName)))
                .andExpect(content().string(containsString("name=\"proof\"")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));

        long id = recordWithProofOnThePage(funded, proof);

        assertThat(statusOf(funded.needId())).isEqualTo(NeedStatus.DELIVERED);
        assertThat(ledger.deliveredFromNeed(funded.needId()).dong()).isEqualTo(2_000_000);
        assertThat(ledger.totals(funded.campaign()).delivered().dong()).isEqualTo(2_000_000);
        Map<String, Object> row = jdbc.sql("select status, value_dong, children_count from delivery where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row).containsEntry("status", "CONFIRMED").containsEntry("value_dong", 2_000_000L);
        String sha = jdbc.sql("select sha256 from delivery_file where delivery_id = :id and kind = 'PROOF'")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(sha).isEqualTo(DeliveryFiles.sha256(proof));
        mvc.perform(get("/deliveries/" + id).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(sha)))
                .andExpect(content().string(containsString("Áo ấm")));
        mvc.perform(get("/deliveries").with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/deliveries/" + id)));
        mvc.perform(get("/deliveries?need=" + (funded.needId() + 100_000)).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"deliveries-empty\"")));
    }

    @Test
    void apiDeliveryWaitsForItsProofBeforeTheNeedIsDelivered() throws Exception {
        Funded funded = mother.fundedNeed("24640", "HOC_TAP", DeliveryMother.season(), 4, 500_000);

        long id = postDelivery("""
                {"needId": %d, "date": "%s", "amount": 2000000, "childrenCount": 4}""".formatted(funded.needId(), mother.today()));

        assertThat(statusOf(funded.needId())).isEqualTo(NeedStatus.FUNDED);
        mvc.perform(get("/api/v1/deliveries?need=" + funded.needId()).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].status").value("AWAITING_PROOF"))
                .andExpect(jsonPath("$.content[0].campaignId")
                        .value(funded.campaign().value()));

        byte[] tooLarge = new byte[DeliveryFiles.MAX_BYTES + 1];
        System.arraycopy(DeliveryMother.png(), 0, tooLarge, 0, 16);
        mvc.perform(multipart("/api/v1/deliveries/" + id + "/proof")
                        .file(new MockMultipartFile("file", "lon.png", "image/png", tooLarge))
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("proof"))
                .andExpect(jsonPath("$.message").value(containsString("10 MB")));
        mvc.perform(multipart("/api/v1/deliveries/" + id + "/proof")
                        .file(new MockMultipartFile(
                                "file", "anh.jpg", "image/jpeg", "GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("JPEG, PNG")));
        assertThat(statusOf(funded.needId())).isEqualTo(NeedStatus.FUNDED);
        mvc.perform(multipart("/api/v1/deliveries/" + id + "/proof")
                        .file(new MockMultipartFile(
                                "file",
                                "chu-ky.pdf",
                                "application/pdf",
                                "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)))
                        .param("proofKind", "GUARDIAN_SIGNATURE")
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.files[0].contentType").value("application/pdf"));
        assertThat(statusOf(funded.needId())).isEqualTo(NeedStatus.DELIVERED);
    }

    @Test
    void goodsGivenInKindLeaveTheLedgerAsGoodsAtTheirValue() throws Exception {
        Funded funded = mother.fundedInKind("24640", "Chăn ấm", "chiếc", 8, 250_000);
        assertThat(funded.need().status()).isEqualTo(NeedStatus.FUNDED);
        String items = """
                {"needId": %d, "items": [{"name": "%s", "unit": "%s", "quantity": %d}]}""";

        mvc.perform(post("/api/v1/deliveries")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(items.formatted(funded.needId(), "Chăn ấm", "chiếc", 9)))
                .andExpect(status().isUnprocessableContent());
        assertThat(deliveriesOf(funded.needId())).isZero();

        long id = postDelivery(items.formatted(funded.needId(), "chăn ấm", "Chiếc", 8));
        mvc.perform(get("/api/v1/deliveries/" + id).with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(jsonPath("$.value").value(2_000_000))
                .andExpect(jsonPath("$.items[0].quantity").value(8))
                .andExpect(jsonPath("$.childrenCount").value(8));
        mvc.perform(multipart("/api/v1/deliveries/" + id + "/proof")
                        .file(new MockMultipartFile("file", "ky-nhan.png", "image/png", DeliveryMother.png()))
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk());
        assertThat(statusOf(funded.needId())).isEqualTo(NeedStatus.DELIVERED);
    }

    @Test
    void refusesDeliveringMoreThanWasAllocatedAndWritesNothing() throws Exception {
        Funded funded = mother.fundedNeed("24640", "QUAN_AO", DeliveryMother.season(), 2, 300_000);
        long auditBefore = jdbc.sql("select count(*) from audit_entry where entity_type = 'Delivery'")
                .query(Long.class)
                .single();

        mvc.perform(post("/api/v1/deliveries")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"needId": %d, "amount": 600001, "childrenCount": 2}""".formatted(funded.needId())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value(containsString("Không ghi nhận được đợt cấp phát")));

        assertThat(deliveriesOf(funded.needId())).isZero();
        assertThat(ledger.deliveredFromNeed(funded.needId()).dong()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Delivery'")
                        .query(Long.class)
                        .single())
                .isEqualTo(auditBefore);
        assertThat(statusOf(funded.needId())).isEqualTo(NeedStatus.FUNDED);
    }

    @Test
    void thePageRequiresTheRecipientsConfirmation() throws Exception {
        Funded funded = mother.fundedNeed("24640", "DO_AM", DeliveryMother.season(), 3, 100_000);

        mvc.perform(multipart("/deliveries")
                        .param("needId", Long.toString(funded.needId()))
                        .param("amount", "300.000")
                        .with(signedIn("xa.cujut"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cần ảnh xác nhận của người nhận")));
        mvc.perform(multipart("/deliveries")
                        .file(new MockMultipartFile(
                                "proof",
                                "x.png",
                                "image/png",
                                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                        .param("needId", Long.toString(funded.needId()))
                        .param("amount", "300.000")
                        .with(signedIn("xa.cujut"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF")));

        assertThat(deliveriesOf(funded.needId())).isZero();
    }

    @Test
    void filesAreServedOnlyWithinScopeAndEveryReadIsAudited() throws Exception {
        Funded funded = mother.fundedNeed("24640", "SUC_KHOE", DeliveryMother.season(), 10, 100_000);
        byte[] proof = DeliveryMother.png();
        long id = recordWithProofOnThePage(funded, proof);
        long fileId = jdbc.sql("select id from delivery_file where delivery_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();

        mvc.perform(get("/deliveries/" + id + "/files/" + fileId).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().bytes(proof));
        mvc.perform(get("/deliveries/" + id + "/files/" + fileId).with(signedIn("xa.namdong")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/deliveries/" + id).with(signedIn("xa.namdong"))).andExpect(status().isForbidden());

        List<String> actions = jdbc.sql("select actor || ':' || action from audit_entry where entity_type = 'Delivery'"
                        + " and entity_id = :id and action like 'READ%' order by id")
                .param("id", Long.toString(id))
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("xa.cujut:READ", "xa.namdong:READ_DENIED");
    }

    @Test
    void warnsBeforeRepeatedSupportInTheSameSeasonAndRecordsWhenConfirmed() throws Exception {
        String season = DeliveryMother.season();
        String village = mother.village("24640");
        ChildView child = mother.consentedChild(village);
        Funded first = mother.fundedNeed("24640", "HOC_TAP", season, 1, 350_000);
        Funded second = mother.fundedNeed("24640", "HOC_TAP", season, 1, 350_000);
        postDelivery("""
                {"needId": %d, "amount": 350000, "childIds": [%d]}""".formatted(first.needId(), child.id()));

        String repeated = """
                {"needId": %d, "amount": 350000, "childIds": [%d]%s}""";
        mvc.perform(post("/api/v1/deliveries")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(repeated.formatted(second.needId(), child.id(), "")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("duplicate"))
                .andExpect(jsonPath("$.earlier", hasSize(1)))
                .andExpect(jsonPath("$.earlier[0].childId").value(child.id()))
                .andExpect(jsonPath("$.earlier[0].campaignId")
                        .value(first.campaign().value()));
        assertThat(deliveriesOf(second.needId())).isZero();

        postDelivery(repeated.formatted(second.needId(), child.id(), ", \"confirmDuplicate\": true"));

        mvc.perform(get("/deliveries/children/" + child.id()).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(child.publicCode())))
                .andExpect(content().string(not(containsString(child.fullName()))))
                .andExpect(content().string(containsString("/deliveries/")));
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Child' and entity_id = :id"
                                + " and action = 'READ' and actor = 'xa.cujut'")
                        .param("id", Long.toString(child.id()))
                        .query(Long.class)
                        .single())
                .isPositive();
        mvc.perform(get("/deliveries/children/" + child.id()).with(signedIn("xa.namdong")))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageAsksToConfirmARepeatedSupport() throws Exception {
        String season = DeliveryMother.season();
        ChildView child = mother.consentedChild(mother.village("24640"));
        Funded first = mother.fundedNeed("24640", "DINH_DUONG", season, 1, 200_000);
        Funded second = mother.fundedNeed("24640", "DINH_DUONG", season, 1, 200_000);
        postDelivery("""
                {"needId": %d, "amount": 200000, "childIds": [%d]}""".formatted(first.needId(), child.id()));

        mvc.perform(multipart("/deliveries")
                        .file(new MockMultipartFile("proof", "p.png", "image/png", DeliveryMother.png()))
                        .param("needId", Long.toString(second.needId()))
                        .param("amount", "200000")
                        .param("childIds", Long.toString(child.id()))
                        .with(signedIn("xa.cujut"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"duplicate-warning\"")))
                .andExpect(content().string(containsString("name=\"confirmDuplicate\"")));
        assertThat(deliveriesOf(second.needId())).isZero();

        mvc.perform(multipart("/deliveries")
                        .file(new MockMultipartFile("proof", "p.png", "image/png", DeliveryMother.png()))
                        .param("needId", Long.toString(second.needId()))
                        .param("amount", "200000")
                        .param("childIds", Long.toString(child.id()))
                        .param("confirmDuplicate", "true")
                        .with(signedIn("xa.cujut"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(second.needId())).isEqualTo(NeedStatus.DELIVERED);
    }

    @Test
    void refusesChildrenWithoutValidConsentOrFromAnotherCommune() throws Exception {
        Funded funded = mother.fundedNeed("24640", "VUI_CHOI", DeliveryMother.season(), 1, 400_000);
        ChildView draft = mother.draftChild(mother.village("24640"));

        mvc.perform(post("/api/v1/deliveries")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"needId": %d, "amount": 400000, "childIds": [%d]}""".formatted(funded.needId(), draft.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("childIds"))
                .andExpect(jsonPath("$.message").value(containsString("sự đồng ý")));
        assertThat(deliveriesOf(funded.needId())).isZero();
        assertThat(ledger.deliveredFromNeed(funded.needId()).dong()).isZero();
    }

    @Test
    void aWithdrawnChildIsNoLongerNamedButStillCounted() throws Exception {
        Funded funded = mother.fundedNeed("24640", "KHAC", DeliveryMother.season(), 2, 150_000);
        ChildView child = mother.consentedChild(mother.village("24640"));
        long id = postDelivery("""
                {"needId": %d, "amount": 300000, "childIds": [%d], "childrenCount": 2}""".formatted(funded.needId(), child.id()));

        DeliveryMother.as(DeliveryMother.CU_JUT, () -> children.withdrawConsent(child.id(), null));

        assertThat(jdbc.sql("select count(*) from delivery_child where child_id = :child")
                        .param("child", child.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from delivery_child where delivery_id = :id and withdrawn")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void indicatorsCountChildTurnsPerCategoryDistinctChildrenDeliveriesAndValue() throws Exception {
        IndicatorProvider provider = providers.stream()
                .filter(p -> p.indicators().stream().anyMatch(i -> i.code().equals("delivery.count")))
                .findFirst()
                .orElseThrow();
        assertThat(provider.indicators())
                .extracting(IndicatorDefinition::code)
                .contains("delivery.child_turns.do_am", "delivery.children_distinct", "delivery.value");
        String village = mother.village("24649");
        FigureScope scope = new FigureScope("24649", Set.of("24649", village), mother.today(), mother.today());
        Map<String, Long> before = provider.figures(scope);
        Funded funded = mother.fundedNeed("24649", "DO_AM", DeliveryMother.season(), 5, 100_000);

        String body = """
                {"needId": %d, "amount": %d, "childrenCount": %d}""";
        mvc.perform(post("/api/v1/deliveries")
                        .with(httpBasic("xa.namdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(funded.needId(), 300_000, 5)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/deliveries")
                        .with(httpBasic("xa.namdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(funded.needId(), 200_000, 5)))
                .andExpect(status().isCreated());

        Map<String, Long> after = provider.figures(scope);
        assertThat(delta(after, before, "delivery.count")).isEqualTo(2);
        assertThat(delta(after, before, "delivery.value")).isEqualTo(500_000);
        assertThat(delta(after, before, "delivery.child_turns.do_am")).isEqualTo(10);
        assertThat(delta(after, before, "delivery.children_distinct")).isEqualTo(5);
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String code) {
        return after.getOrDefault(code, 0L) - before.getOrDefault(code, 0L);
    }
}
