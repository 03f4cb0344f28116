package vn.chungtay.publicportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * No public page or public JSON names a child or gives a birth date: every public URL reachable
 * from {@code /} and {@code /public/needs} is fetched anonymously with the demo data.
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

    record Child(String name, LocalDate birthDate, String guardian) {}

    private List<Child> children() {
        return jdbc.sql("select full_name, date_of_birth, guardian_name from child where full_name is not null")
                .query((rs, n) -> new Child(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .list();
    }

    @Test
    void noPublicPageOrJsonNamesAChildOrGivesABirthDate() throws Exception {
        List<Child> children = children();
        assertThat(children).as("demo children").isNotEmpty();
        assertThat(jdbc.sql("select count(*) from need where child_id is not null and status = 'PUBLISHED'")
                        .query(Long.class)
                        .single())
                .as("published needs of demo children")
                .isPositive();

        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/public/needs", "/public/needs.json"));
        List<String> problems = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < 400) {
            String url = queue.poll();
            if (!seen.add(url)) {
                continue;
            }
            var response = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(response.getStatus()).as(url).isEqualTo(200);
            String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            for (Child child : children) {
                if (body.contains(child.name())) {
                    problems.add(url + " names " + child.name());
                }
                if (child.guardian() != null && body.contains(child.guardian())) {
                    problems.add(url + " names guardian " + child.guardian());
                }
                for (String date : List.of(
                        child.birthDate().toString(),
                        child.birthDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        child.birthDate().format(DateTimeFormatter.ofPattern("d/M/yyyy")))) {
                    if (body.contains(date)) {
                        problems.add(url + " gives birth date " + date);
                    }
                }
            }
            if (url.endsWith(".json") || url.contains(".json?")) {
                continue;
            }
            Document page = Jsoup.parse(body, "http://localhost" + url);
            for (var link : page.select("a[href]")) {
                String href = link.attr("href");
                if (href.startsWith("/public/") && !seen.contains(href)) {
                    queue.add(href);
                }
            }
            for (var form : page.select("form[method=get][action^=/public/]")) {
                queue.add(form.attr("action") + "?q=buon");
            }
        }
        assertThat(seen).anyMatch(u -> u.startsWith("/public/communes/"));
        assertThat(seen).anyMatch(u -> u.contains("page=1"));
        assertThat(problems).isEmpty();
    }

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
