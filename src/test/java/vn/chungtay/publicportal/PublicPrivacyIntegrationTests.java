package vn.chungtay.publicportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.IntegrationTest;
import vn.chungtay.child.ChildDataWithdrawn;
import vn.chungtay.child.ChildId;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * A child need shows at most the anonymous profile, and nothing once consent is withdrawn. The crawl
 * of every public page, JSON and CSV for names and birth dates lives in
 * {@code vn.chungtay.privacy.PublicPrivacyCrawlIntegrationTests}.
 */
@IntegrationTest
class PublicPrivacyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @Test
    void aChildNeedShowsAtMostAgeSexAndEthnicGroupAndNothingOnceConsentIsWithdrawn() throws Exception {
        var child = jdbc.sql("""
                        select id, public_code from child
                        where status = 'ACTIVE' and 'ANONYMOUS_MENTION' = any(consent_purposes) and commune_code = '24649'
                        order by id desc limit 1""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long childId = (Long) child[0];
        String marker =
                "Áo mưa kiểm thử " + java.util.UUID.randomUUID().toString().substring(0, 6);
        long[] needId = new long[1];
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            var need = needs.create(new NeedForm(
                    "CHILD",
                    (String) child[1],
                    null,
                    null,
                    "QUAN_AO",
                    marker,
                    "1",
                    "chiếc",
                    "120000",
                    Integer.toString(organisation.today().getYear()),
                    "Mùa mưa",
                    null,
                    "HIGH",
                    null,
                    true));
            NeedId id = need.id();
            needs.submit(id);
            needs.approve(id);
            needs.publish(id);
            needId[0] = id.value();
        });
        JsonNode before = find(needId[0], marker);
        assertThat(before.get("child").get("ageYears").asInt()).isBetween(0, 16);
        assertThat(before.get("child").get("sex").asText()).isIn("MALE", "FEMALE");
        assertThat(before.get("child").get("ethnicGroup").asText()).isNotBlank();
        assertThat(before.get("village").isNull())
                .as("one child is fewer than the threshold")
                .isTrue();
        assertThat(before.properties().stream().map(java.util.Map.Entry::getKey))
                .doesNotContain("childId", "name", "fullName", "dateOfBirth", "publicCode");

        transactions.executeWithoutResult(
                s -> events.publishEvent(new ChildDataWithdrawn(new ChildId(childId), false)));

        JsonNode after = find(needId[0], marker);
        assertThat(after.get("child").isNull()).isTrue();
        assertThat(after.get("commune").get("code").asText()).isEqualTo("24649");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Need' and entity_id = :id"
                                + " and action = 'WITHDRAW_CHILD'")
                        .param("id", Long.toString(needId[0]))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private JsonNode find(long id, String marker) throws Exception {
        String body = mvc.perform(get("/public/needs.json").param("q", marker))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        for (JsonNode node : json.readTree(body).get("content")) {
            if (node.get("id").asLong() == id) {
                return node;
            }
        }
        throw new AssertionError("need " + id + " not in the public JSON");
    }
}
