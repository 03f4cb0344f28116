package vn.chungtay.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static vn.chungtay.hostile.HostileText.counted;
import static vn.chungtay.hostile.HostileText.tag;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.IntegrationTest;
import vn.chungtay.TestSmtp;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.hostile.HostileText.Payload;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * XSS, template-injection, SQL, formula, NUL, RTL, CR/LF and very long payloads typed into the text
 * fields of every module through its real forms and APIs, then read back wherever they appear: the
 * pages (escaped, shown as typed), the public pages, JSON (the exact value), CSV (formula starts
 * neutralised), XLSX (string cells), PDF and DOCX (literal text) and e-mails (no header injection).
 * A payload is either stored as text — exactly one row more in the module's table — or refused with
 * a 4xx and a message, writing nothing; searches for it answer without a server error. Every (payload
 * × field × sink) checked is counted ({@code HOSTILE-INPUTS HostileTextIntegrationTests n}).
 */
@IntegrationTest
class HostileTextIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Long> REFUSED = new ConcurrentHashMap<>();
    private static final Map<String, String> REFUSAL_EXAMPLES = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    MailOutbox outbox;

    static Stream<Payload> payloads() {
        return HostileText.PAYLOADS.stream();
    }

    @AfterAll
    static void summary() {
        System.out.println("HOSTILE-TEXT refused (4xx with a message, nothing written): " + REFUSED);
        REFUSAL_EXAMPLES.forEach((where, why) -> System.out.println("HOSTILE-TEXT refused " + where + ": " + why));
        HostileInputSummary.print(HostileText.SUITE);
    }

    @AfterAll
    static void tablesStillThere(@Autowired JdbcClient jdbc) {
        for (String table : List.of("child", "donor", "donation", "need", "ledger_entry", "org_unit")) {
            assertThat(jdbc.sql("select to_regclass(?)::text")
                            .param(table)
                            .query(String.class)
                            .optional())
                    .as("table %s survived the SQL payloads", table)
                    .hasValue(table);
        }
    }

    // ---------------------------------------------------------------- helpers

    private final Map<String, UserDetails> principals = new ConcurrentHashMap<>();

    private RequestPostProcessor as(String username) {
        return user(principals.computeIfAbsent(username, users::loadUserByUsername));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private MockHttpServletRequestBuilder postJson(String url, Object body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(json(body));
    }

    private MockHttpServletRequestBuilder putJson(String url, Object body) {
        return put(url).contentType(MediaType.APPLICATION_JSON).content(json(body));
    }

    /** The answer of one write. {@code stored} when the server took it (2xx, or a redirect without an error). */
    record Written(boolean stored, int status, String body, MvcResult result) {

        long id() {
            return JSON.readTree(body).get("id").asLong();
        }

        JsonNode tree() {
            return JSON.readTree(body);
        }
    }

    /**
     * Sends one write: never a server error; stored → exactly one row more in the table, refused → none
     * and a message. Counted as one (payload × field-set × write).
     */
    private Written write(
            String where, Payload payload, AbstractMockHttpServletRequestBuilder<?> request, String table, String user)
            throws Exception {
        return write(where, payload, request, table, user, r -> r.getResponse().getStatus() < 300);
    }

    /** A change of an existing row: stored or not, no row more. */
    private Written change(
            String where, Payload payload, AbstractMockHttpServletRequestBuilder<?> request, String table, String user)
            throws Exception {
        return write(where, payload, request, table, user, r -> r.getResponse().getStatus() < 300, 0);
    }

    private Written write(
            String where,
            Payload payload,
            AbstractMockHttpServletRequestBuilder<?> request,
            String table,
            String user,
            java.util.function.Predicate<MvcResult> storedWhen)
            throws Exception {
        return write(where, payload, request, table, user, storedWhen, 1);
    }

    private Written write(
            String where,
            Payload payload,
            AbstractMockHttpServletRequestBuilder<?> request,
            String table,
            String user,
            java.util.function.Predicate<MvcResult> storedWhen,
            int rowsWhenStored)
            throws Exception {
        long before = table == null ? 0 : count(table);
        if (user != null) {
            request = request.with(as(user));
        }
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as("%s [%s]: %s", where, payload, abbreviate(body)).isLessThan(500);
        Object flashError = result.getFlashMap().get("flashError");
        boolean stored = status >= 300 && status < 400 ? flashError == null : storedWhen.test(result);
        counted(1);
        if (table != null) {
            assertThat(count(table) - before)
                    .as("%s [%s]: rows written to %s (%s)", where, payload, table, abbreviate(body))
                    .isEqualTo(stored ? rowsWhenStored : 0);
        }
        if (!stored) {
            REFUSED.merge(where, 1L, Long::sum);
            String message = flashError != null ? String.valueOf(flashError) : body;
            REFUSAL_EXAMPLES.putIfAbsent(
                    where, payload + " → " + status + " " + abbreviate(message).replaceAll("\\s+", " "));
            assertThat(message)
                    .as("%s [%s]: a message says why", where, payload)
                    .isNotBlank();
        }
        return new Written(stored, status, body, result);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 600 ? body : body.substring(0, 600) + "…";
    }

    private String page(String where, String url, String user) throws Exception {
        MockHttpServletRequestBuilder request = get(url);
        if (user != null) {
            request = request.with(as(user));
        }
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus())
                .as("%s %s: %s", where, url, abbreviate(body))
                .isEqualTo(200);
        return body;
    }

    private byte[] file(String where, String url, String user) throws Exception {
        MvcResult result = mvc.perform(get(url).with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus())
                .as("%s %s: %s", where, url, abbreviate(result.getResponse().getContentAsString()))
                .isEqualTo(200);
        return result.getResponse().getContentAsByteArray();
    }

    /** A search with the payload: any answer but a server error. */
    private void search(String where, String url, String param, String text, String user) throws Exception {
        MockHttpServletRequestBuilder request = get(url).param(param, text);
        if (user != null) {
            request = request.with(as(user));
        }
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        assertThat(status)
                .as("%s search %s=%s", where, param, HostileText.probe(text))
                .isLessThan(500);
        counted(1);
    }

    private MimeMessage awaitMail(String address) {
        outbox.sendDue();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            outbox.sendDue();
            return !mailsTo(address).isEmpty();
        });
        return mailsTo(address).get(0);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO) != null
                                && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String email() {
        return "hx" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.com";
    }

    private String villageOf(String commune) {
        LocalDate today = organisation.today();
        return organisation.villages(commune, today).stream()
                .filter(v -> v.isValidOn(today))
                .findFirst()
                .orElseThrow()
                .code();
    }

    private Campaign campaign(String name) {
        LocalDate today = organisation.today();
        String account =
                "9" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Campaign[] created = new Campaign[1];
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> created[0] = campaigns.create(new CampaignForm(
                        name,
                        "24640",
                        today.minusDays(30),
                        today.plusDays(30),
                        100_000_000L,
                        today.getYear(),
                        List.of(new BankAccount("970405", "Agribank", account, "UBMTTQ XA CU JUT")),
                        List.of())));
        return created[0];
    }

    // ---------------------------------------------------------------- needs

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void needTextsAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        LocalDate today = organisation.today();
        Written created = write(
                "need",
                payload,
                postJson(
                        "/api/v1/needs",
                        map(
                                "target", "SCHOOL",
                                "unitCode", "24640",
                                "schoolName", text,
                                "categoryCode", "DO_AM",
                                "description", text,
                                "quantity", "10",
                                "unit", "cái",
                                "unitCost", "250000",
                                "year", Integer.toString(today.getYear()),
                                "season", "Mùa đông " + tag,
                                "priority", "HIGH",
                                "childrenServed", "10",
                                "confirmDuplicate", true)),
                "need",
                "xa.cujut");
        search("needs page", "/needs", "q", text, "xa.cujut");
        search("needs API", "/api/v1/needs", "q", text, "xa.cujut");
        search("public needs", "/public/needs", "q", text, null);
        search("public needs JSON", "/public/needs.json", "q", text, null);
        if (!created.stored()) {
            return;
        }
        long id = created.id();
        HostileText.json("need JSON", created.body(), text, "/description", "/schoolName");
        HostileText.json(
                "need JSON read",
                mvc.perform(get("/api/v1/needs/" + id).with(as("xa.cujut")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                text,
                "/description",
                "/schoolName");
        HostileText.html("need page", page("need", "/needs/" + id, "xa.cujut"), text, 2);
        HostileText.html("need edit form", page("need", "/needs/" + id + "/edit", "xa.cujut"), text, 2);
        HostileText.html("needs list", page("need", "/needs?q=" + tag, "xa.cujut"), text, 1);
        for (String step : List.of("submit", "approve", "publish")) {
            assertThat(mvc.perform(post("/api/v1/needs/" + id + "/" + step)
                                    .with(as("tinh.lamdong"))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(step)
                    .isEqualTo(200);
        }
        HostileText.html("public needs", page("public needs", "/public/needs?q=" + tag, null), text, 2);
        HostileText.jsonContains(
                "public needs JSON", page("public needs JSON", "/public/needs.json?q=" + tag, null), text, 2);
    }

    // ---------------------------------------------------------------- villages

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void villageNamesAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        Written created = write(
                "village",
                payload,
                postJson("/api/v1/org-units/24649/villages", map("name", text, "type", "Thôn")),
                "org_unit",
                "xa.namdong");
        search("units search page", "/org-units/search", "q", text, "xa.namdong");
        search("units search API", "/api/v1/org-units/search", "q", text, "xa.namdong");
        if (!created.stored()) {
            return;
        }
        String code = created.tree().get("code").asString();
        HostileText.json("village JSON", created.body(), text, "/name");
        HostileText.html("commune page", page("village", "/org-units/24649", "xa.namdong"), text, 1);
        HostileText.html("village page", page("village", "/org-units/" + code, "xa.namdong"), text, 1);
        // renamed through the page form: the name is still text
        String renamed = payload.text(tag());
        Written rename = change(
                "village rename",
                payload,
                post("/org-units/24649/villages/" + code + "/rename")
                        .param("name", renamed)
                        .param("type", "Thôn"),
                "org_unit",
                "xa.namdong");
        assertThat(rename.stored()).isTrue();
        HostileText.html("village page after rename", page("village", "/org-units/" + code, "xa.namdong"), renamed, 1);
        // retired so that the demo commune does not keep growing
        mvc.perform(post("/org-units/24649/villages/" + code + "/retire")
                .with(as("xa.namdong"))
                .with(csrf()));
    }

    // ---------------------------------------------------------------- donors

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void donorTextsAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        Written created = write(
                "donor",
                payload,
                postJson(
                        "/api/v1/donors",
                        map(
                                "kind",
                                "ORGANISATION",
                                "name",
                                text,
                                "domestic",
                                true,
                                "address",
                                text,
                                "anonymous",
                                false,
                                "listConsent",
                                true,
                                "listConsentOn",
                                organisation.today().toString())),
                "donor",
                "xa.cujut");
        search("donors page", "/donors", "q", text, "xa.cujut");
        search("donors API", "/api/v1/donors", "q", text, "xa.cujut");
        if (!created.stored()) {
            return;
        }
        long id = created.id();
        HostileText.json("donor JSON", created.body(), text, "/name", "/address");
        HostileText.html("donor page", page("donor", "/donors/" + id, "xa.cujut"), text, 2);
        HostileText.html("donors list", page("donor", "/donors?q=" + tag, "xa.cujut"), text, 1);
        HostileText.jsonContains(
                "donors API search",
                mvc.perform(get("/api/v1/donors").param("q", tag).with(as("xa.cujut")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                text,
                1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void donorSignUpNamesAreMailedAndShownEscaped(Payload payload) throws Exception {
        String text = payload.text(tag());
        String address = email();
        Written signedUp = write(
                "donor sign-up",
                payload,
                post("/public/donors/signup")
                        .param("name", text)
                        .param("email", address)
                        .param("password", "mat-khau-" + tag())
                        .param("kind", "INDIVIDUAL"),
                "donor_signup",
                null,
                r -> false);
        if (!signedUp.stored()) {
            // the form again, with a message: the name is shown back in the field
            HostileText.html("sign-up form again", signedUp.body(), text, 1);
            return;
        }
        HostileText.mail("sign-up mail", awaitMail(address), text, 1);
    }

    // ---------------------------------------------------------------- campaigns

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void campaignNamesAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        LocalDate today = organisation.today();
        String account =
                "9" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Written created = write(
                "campaign",
                payload,
                postJson(
                        "/api/v1/campaigns",
                        map(
                                "name", text,
                                "unitCode", "24640",
                                "receivingFrom", today.minusDays(10).toString(),
                                "receivingTo", today.plusDays(30).toString(),
                                "targetDong", 50_000_000L,
                                "planYear", today.getYear(),
                                "accounts",
                                        List.of(map(
                                                "bankBin", "970405",
                                                "bankName", "Agribank",
                                                "accountNumber", account,
                                                "accountName", "UBMTTQ XA CU JUT")))),
                "campaign",
                "xa.cujut");
        if (!created.stored()) {
            return;
        }
        long id = created.id();
        String code = created.tree().get("code").asString();
        HostileText.json("campaign JSON", created.body(), text, "/name");
        HostileText.json(
                "campaign JSON read",
                mvc.perform(get("/api/v1/campaigns/" + id).with(as("xa.cujut")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                text,
                "/name");
        HostileText.html("campaign page", page("campaign", "/campaigns/" + id, "xa.cujut"), text, 1);
        HostileText.html(
                "campaign dashboard", page("campaign", "/campaigns/" + id + "/dashboard", "xa.cujut"), text, 1);
        HostileText.html("campaigns list", page("campaign", "/campaigns?unit=24640", "xa.cujut"), text, 1);
        HostileText.html("public campaign", page("public campaign", "/public/campaigns/" + id, null), text, 1);
        // a gift with the donor's address: the thank-you mail names the campaign in its subject and body
        String address = email();
        Written gift = write(
                "gift to the campaign",
                payload,
                postJson(
                        "/api/v1/donations",
                        map(
                                "campaignId",
                                id,
                                "donor",
                                map(
                                        "name",
                                        "Nguyễn Văn Hảo " + tag,
                                        "kind",
                                        "INDIVIDUAL",
                                        "domestic",
                                        true,
                                        "email",
                                        address,
                                        "listConsent",
                                        true),
                                "channel",
                                "CASH",
                                "amount",
                                200_000L,
                                "receivedOn",
                                today.toString())),
                "donation",
                "xa.cujut");
        assertThat(gift.stored()).as(gift.body()).isTrue();
        HostileText.mail("thank-you mail", awaitMail(address), text, 1);
        HostileText.html("campaign ledger", page("ledger", "/ledger/campaigns/" + id, "xa.cujut"), text, 1);
        HostileText.html("public ledger", page("public ledger", "/public/ledger?campaign=" + code, null), text, 1);
        byte[] receipt = file("receipt", "/donations/" + gift.id() + "/receipt.pdf", "xa.cujut");
        HostileText.pdf("receipt PDF", receipt, text, 1);
    }

    // ---------------------------------------------------------------- gifts and their messages

    private static volatile Campaign giftCampaign;

    private Campaign giftCampaign() {
        if (giftCampaign == null) {
            giftCampaign = campaign("Chiến dịch thử văn bản độc " + tag());
        }
        return giftCampaign;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void giftDonorNamesAndMessagesAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        Campaign campaign = giftCampaign();
        String address = email();
        Written created = write(
                "gift",
                payload,
                postJson(
                        "/api/v1/donations",
                        map(
                                "campaignId",
                                campaign.id().value(),
                                "donor",
                                map(
                                        "name",
                                        text,
                                        "kind",
                                        "INDIVIDUAL",
                                        "domestic",
                                        true,
                                        "email",
                                        address,
                                        "anonymous",
                                        false,
                                        "listConsent",
                                        true),
                                "channel",
                                "CASH",
                                "amount",
                                150_000L,
                                "receivedOn",
                                organisation.today().toString(),
                                "message",
                                text,
                                "receivedBy",
                                text)),
                "donation",
                "xa.cujut");
        search("gifts page", "/donations", "q", text, "xa.cujut");
        search("gifts API", "/api/v1/donations", "q", text, "xa.cujut");
        search("public ledger", "/public/ledger?campaign=" + campaign.code(), "q", text, null);
        if (!created.stored()) {
            return;
        }
        long id = created.id();
        HostileText.json("gift JSON", created.body(), text, "/message", "/receivedBy");
        HostileText.html("gift page", page("gift", "/donations/" + id, "xa.cujut"), text, 3);
        HostileText.html("gifts list", page("gift", "/donations?q=" + tag, "xa.cujut"), text, 1);
        HostileText.pdf("receipt PDF", file("receipt", "/donations/" + id + "/receipt.pdf", "xa.cujut"), text, 1);
        HostileText.mail("thank-you mail", awaitMail(address), text, 1);
        String masked = vn.chungtay.ledger.MessageMasking.mask(HostileText.visible(text));
        HostileText.html(
                "public ledger",
                page("public ledger", "/public/ledger?campaign=" + campaign.code() + "&q=" + tag, null),
                masked,
                2);
        MvcResult started = mvc.perform(get("/public/ledger.csv").param("campaign", campaign.code()))
                .andReturn();
        MvcResult streamed = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andReturn();
        assertThat(streamed.getResponse().getStatus()).isEqualTo(200);
        String csv = streamed.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String storedMessage = jdbc
                .sql("select public_message from ledger_entry where public_message like ?")
                .param("%" + tag + "%")
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElseThrow();
        HostileText.csv("public ledger CSV", csv, storedMessage, 1);
        // a receipt sent again to another address, by hand
        String again = email();
        Written sent = write(
                "receipt sent",
                payload,
                postJson("/api/v1/donations/" + id + "/receipt/send", map("email", again)),
                null,
                "xa.cujut");
        assertThat(sent.stored()).as(sent.body()).isTrue();
        HostileText.mail("receipt mail", awaitMail(again), text, 1);
    }

    // ---------------------------------------------------------------- bank statement messages

    /**
     * Anyone can transfer money with any message: a statement line's message is the most exposed text
     * of all. Imported, it waits in the queue page as text.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void bankStatementMessagesAreStoredAsTextAndShownEscapedInTheQueue(Payload payload) throws Exception {
        String text = payload.text(tag());
        Campaign campaign = campaign("Chiến dịch sao kê văn bản độc " + tag());
        LocalDate day = organisation.today().minusDays(1);
        String csv = "PageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,"
                + "Balance,OffsetAccount\r\n"
                + "1,%02d/%02d/%d,10:00:00,,FT%s,\"%s\",,\"250,000\",,\"%s\"\r\n"
                        .formatted(
                                day.getDayOfMonth(),
                                day.getMonthValue(),
                                day.getYear(),
                                tag().toUpperCase(java.util.Locale.ROOT),
                                text.replace("\"", "\"\""),
                                text.replace("\"", "\"\""));
        Written imported = write(
                "statement line",
                payload,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/statements")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "sao-ke.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("campaignId", Long.toString(campaign.id().value()))
                        .param("layout", "B-PageId"),
                "statement_line",
                "xa.cujut");
        if (!imported.stored()) {
            return;
        }
        HostileText.html(
                "statement queue",
                page(
                        "queue",
                        "/donations/statements/queue?campaign=" + campaign.id().value(),
                        "xa.cujut"),
                text,
                1);
    }

    // ---------------------------------------------------------------- deliveries

    /** A published need of Cư Jút for 2 × 300,000 đ, funded by a gift earmarked for it (all through the API). */
    private long fundedNeed(String tag) throws Exception {
        LocalDate today = organisation.today();
        String body = mvc.perform(postJson(
                                "/api/v1/needs",
                                map(
                                        "target", "SCHOOL",
                                        "unitCode", "24640",
                                        "schoolName", "Trường cấp phát " + tag,
                                        "categoryCode", "DO_AM",
                                        "description", "Áo ấm cho các cháu " + tag,
                                        "quantity", "2",
                                        "unit", "cái",
                                        "unitCost", "300000",
                                        "year", Integer.toString(today.getYear()),
                                        "season", "Mùa đông " + tag,
                                        "priority", "HIGH",
                                        "childrenServed", "2",
                                        "confirmDuplicate", true))
                        .with(as("xa.cujut"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long need = JSON.readTree(body).get("id").asLong();
        for (String step : List.of("submit", "approve", "publish")) {
            assertThat(mvc.perform(post("/api/v1/needs/" + need + "/" + step)
                                    .with(as("tinh.lamdong"))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(step)
                    .isEqualTo(200);
        }
        Campaign campaign = campaign("Chiến dịch cấp phát văn bản độc " + tag);
        MvcResult gift = mvc.perform(postJson(
                                "/api/v1/donations",
                                map(
                                        "campaignId",
                                        campaign.id().value(),
                                        "donor",
                                        map("name", "Nguyễn Văn Cấp " + tag, "kind", "INDIVIDUAL", "domestic", true),
                                        "channel",
                                        "CASH",
                                        "amount",
                                        600_000L,
                                        "receivedOn",
                                        today.toString(),
                                        "needId",
                                        need))
                        .with(as("xa.cujut"))
                        .with(csrf()))
                .andReturn();
        assertThat(gift.getResponse().getStatus())
                .as(gift.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isLessThan(300);
        return need;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void deliveryNotesAndNamesAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        long need = fundedNeed(tag);
        // the API: money handed over, by whom, with a note
        Written viaApi = write(
                "delivery",
                payload,
                postJson(
                        "/api/v1/deliveries",
                        map(
                                "needId", need,
                                "amount", "300000",
                                "childrenCount", "1",
                                "handedOverBy", text,
                                "note", text)),
                "delivery",
                "xa.cujut");
        if (viaApi.stored()) {
            long id = viaApi.id();
            HostileText.json("delivery JSON", viaApi.body(), text, "/handedOverBy", "/note");
            HostileText.json(
                    "delivery JSON read",
                    mvc.perform(get("/api/v1/deliveries/" + id).with(as("xa.cujut")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8),
                    text,
                    "/handedOverBy",
                    "/note");
            HostileText.html("delivery page", page("delivery", "/deliveries/" + id, "xa.cujut"), text, 2);
        }
        // the page form: goods named by the officer, by whom, with a note
        Written viaPage = write(
                "delivery form",
                payload,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/deliveries")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "proof", "danh-sach.png", "image/png", png()))
                        .param("needId", Long.toString(need))
                        .param("date", organisation.today().toString())
                        .param("amount", "")
                        .param("items[0].name", text)
                        .param("items[0].unit", "cái")
                        .param("items[0].quantity", "1")
                        .param("items[0].value", "")
                        .param("childrenCount", "1")
                        .param("handedOverBy", text)
                        .param("note", text)
                        .param("proofKind", "SIGNED_LIST"),
                "delivery",
                "xa.cujut",
                r -> false);
        if (!viaPage.stored()) {
            // the form again, with a message: the typed text is shown back in its fields
            HostileText.html("delivery form again", viaPage.body(), text, 3);
        } else {
            String location = viaPage.result().getResponse().getRedirectedUrl();
            assertThat(location).startsWith("/deliveries/");
            long id = Long.parseLong(location.substring("/deliveries/".length()));
            HostileText.html("delivery page", page("delivery", location, "xa.cujut"), text, 3);
            HostileText.json(
                    "delivery JSON read",
                    mvc.perform(get("/api/v1/deliveries/" + id).with(as("xa.cujut")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8),
                    text,
                    "/items/0/name",
                    "/handedOverBy",
                    "/note");
        }
        HostileText.safe("deliveries list", page("deliveries", "/deliveries?need=" + need, "xa.cujut"), 1);
    }

    /** A small PNG: the signature and a few random bytes (the recipients' signed list). */
    private static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        for (int i = signature.length; i < bytes.length; i++) {
            bytes[i] = (byte) ThreadLocalRandom.current().nextInt(256);
        }
        return bytes;
    }

    // ---------------------------------------------------------------- campaign bank accounts

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void bankAccountNamesAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        LocalDate today = organisation.today();
        // the API: a campaign opened with the account's bank and holder named by the payload
        Written created = write(
                "campaign account",
                payload,
                postJson(
                        "/api/v1/campaigns",
                        map(
                                "name", "Chiến dịch tài khoản " + tag,
                                "unitCode", "24640",
                                "receivingFrom", today.minusDays(10).toString(),
                                "receivingTo", today.plusDays(30).toString(),
                                "targetDong", 10_000_000L,
                                "planYear", today.getYear(),
                                "accounts",
                                        List.of(map(
                                                "bankBin",
                                                "970405",
                                                "bankName",
                                                text,
                                                "accountNumber",
                                                accountNumber(),
                                                "accountName",
                                                text)))),
                "campaign",
                "xa.cujut");
        long id;
        int fields = 0;
        if (created.stored()) {
            id = created.id();
            fields = 2;
            HostileText.json("campaign JSON", created.body(), text, "/accounts/0/bankName", "/accounts/0/accountName");
        } else {
            id = campaign("Chiến dịch tài khoản " + tag).id().value();
        }
        // the page form: one more account added to the campaign
        Written added = write(
                "campaign account form",
                payload,
                post("/campaigns/" + id + "/accounts")
                        .param("bankBin", "970436")
                        .param("bankName", text)
                        .param("accountNumber", accountNumber())
                        .param("accountName", text),
                "campaign_bank_account",
                "xa.cujut",
                r -> false);
        if (!added.stored()) {
            HostileText.html("account form again", added.body(), text, 2);
        } else {
            fields += 2;
            HostileText.json(
                    "campaign JSON read",
                    mvc.perform(get("/api/v1/campaigns/" + id).with(as("xa.cujut")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8),
                    text,
                    "/accounts/1/bankName",
                    "/accounts/1/accountName");
        }
        if (fields == 0) {
            return;
        }
        HostileText.html("campaign page", page("campaign", "/campaigns/" + id, "xa.cujut"), text, fields);
        HostileText.html("public campaign", page("public campaign", "/public/campaigns/" + id, null), text, fields);
        // the QR codes of the accounts are drawn without a server error
        for (int account = 0; account < 2; account++) {
            MvcResult qr = mvc.perform(
                            get("/public/qr/campaigns/" + id + ".png").param("account", "" + account))
                    .andReturn();
            assertThat(qr.getResponse().getStatus())
                    .as("QR of account %s", account)
                    .isLessThan(500);
            counted(1);
        }
        HostileText.safe("gifts page with QR codes", page("gifts", "/donations", "xa.cujut"), 1);
    }

    private static String accountNumber() {
        return "9" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    // ---------------------------------------------------------------- user display names

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void userDisplayNamesAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        String username = tag;
        String password = "mat-khau-" + tag();
        Written created = write(
                "user",
                payload,
                post("/users")
                        .param("username", username)
                        .param("displayName", text)
                        .param("email", email())
                        .param("role", "COMMUNE_OFFICER")
                        .param("scopeCode", "24640")
                        .param("enabled", "true")
                        .param("password", password)
                        .param("confirmPassword", password),
                "user_account",
                "admin",
                r -> false);
        search("users page", "/users", "q", text, "admin");
        if (!created.stored()) {
            HostileText.html("user form again", created.body(), text, 1);
            return;
        }
        long id = jdbc.sql("select id from user_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
        HostileText.html("users list", page("users", "/users?q=" + tag, "admin"), text, 1);
        HostileText.html("user edit form", page("user", "/users/" + id + "/edit", "admin"), text, 1);
        HostileText.html("own profile", page("profile", "/profile", username), text, 1);
        HostileText.json(
                "me JSON",
                mvc.perform(get("/api/v1/me").with(as(username)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                text,
                "/displayName");
        // renamed through the edit form: the new name is still text
        String renamed = payload.text(tag());
        Written changed = write(
                "user rename",
                payload,
                post("/users/" + id)
                        .param("displayName", renamed)
                        .param("email", email())
                        .param("role", "COMMUNE_OFFICER")
                        .param("scopeCode", "24640")
                        .param("enabled", "true"),
                "user_account",
                "admin",
                r -> false,
                0);
        assertThat(changed.stored()).as(changed.body()).isTrue();
        HostileText.html("user edit form after rename", page("user", "/users/" + id + "/edit", "admin"), renamed, 1);
    }

    // ---------------------------------------------------------------- yearly need plans

    /** A commune of Lâm Đồng (none of the three demo communes) without a plan for the year. */
    private String communeWithoutPlan(int year) {
        LocalDate today = organisation.today();
        List<String> communes = organisation.subtree("68", today).stream()
                .filter(u -> u.isCommune())
                .map(u -> u.code())
                // not the demo communes (Cư Jút, Đắk Wil, Nam Dong): other tests read their plans
                .filter(code -> !java.util.Set.of("24640", "24646", "24649").contains(code))
                .toList();
        List<String> shuffled = new ArrayList<>(communes);
        java.util.Collections.shuffle(shuffled);
        return shuffled.stream()
                .filter(code -> jdbc.sql("select count(*) from need_plan where commune_code = ? and year = ?")
                                .params(code, year)
                                .query(Long.class)
                                .single()
                        == 0)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The yearly plan's only free text is the province's comment when it returns or approves the plan
     * (the plan itself is the commune's needs of the year, with their totals).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void planCommentsAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String tag = tag();
        String text = payload.text(tag);
        int year = organisation.today().getYear() + 5;
        String commune;
        long plan;
        synchronized (HostileTextIntegrationTests.class) {
            commune = communeWithoutPlan(year);
            MvcResult need = mvc.perform(postJson(
                                    "/api/v1/needs",
                                    map(
                                            "target", "SCHOOL",
                                            "unitCode", commune,
                                            "schoolName", "Trường kế hoạch " + tag,
                                            "categoryCode", "DO_AM",
                                            "description", "Áo ấm " + tag,
                                            "quantity", "3",
                                            "unit", "cái",
                                            "unitCost", "200000",
                                            "year", Integer.toString(year),
                                            "season", "Mùa đông " + tag,
                                            "priority", "HIGH",
                                            "childrenServed", "3",
                                            "confirmDuplicate", true))
                            .with(as("admin"))
                            .with(csrf()))
                    .andReturn();
            assertThat(need.getResponse().getStatus())
                    .as(need.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .isLessThan(300);
            MvcResult opened = mvc.perform(
                            postJson("/api/v1/plans", map("communeCode", commune, "year", Integer.toString(year)))
                                    .with(as("admin"))
                                    .with(csrf()))
                    .andReturn();
            String body = opened.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(opened.getResponse().getStatus()).as(body).isLessThan(300);
            plan = JSON.readTree(body).get("id").asLong();
        }
        submitPlan(plan);
        String planPage = "/plans?commune=" + commune + "&year=" + year;
        // the province returns it through the page form, with the payload as its comment
        Written returned = change(
                "plan returned",
                payload,
                post("/plans/" + plan + "/return").param("comment", text),
                "need_plan",
                "tinh.lamdong");
        if (returned.stored()) {
            HostileText.html("plan page", page("plan", planPage, "tinh.lamdong"), text, 1);
            HostileText.html("plan page of the commune", page("plan", planPage, "admin"), text, 1);
            HostileText.json("plan JSON read", planJson(plan), text, "/comment");
            submitPlan(plan);
        }
        // and approves it through the API, with the payload as its comment
        Written approved = change(
                "plan approved",
                payload,
                postJson("/api/v1/plans/" + plan + "/approve", map("comment", text)),
                "need_plan",
                "tinh.lamdong");
        if (approved.stored()) {
            HostileText.json("plan JSON", approved.body(), text, "/comment");
            HostileText.html("approved plan page", page("plan", planPage, "tinh.lamdong"), text, 1);
            HostileText.jsonContains(
                    "plans API list",
                    mvc.perform(get("/api/v1/plans")
                                    .param("commune", commune)
                                    .param("year", Integer.toString(year))
                                    .with(as("tinh.lamdong")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8),
                    text,
                    1);
        }
    }

    private void submitPlan(long plan) throws Exception {
        MvcResult submitted = mvc.perform(post("/api/v1/plans/" + plan + "/submit")
                        .with(as("admin"))
                        .with(csrf()))
                .andReturn();
        assertThat(submitted.getResponse().getStatus())
                .as(submitted.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
    }

    private String planJson(long plan) throws Exception {
        return mvc.perform(get("/api/v1/plans/" + plan).with(as("tinh.lamdong")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- outreach

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void outreachTextsAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String text = payload.text(tag());
        LocalDate today = organisation.today();
        Written created = write(
                "outreach activity",
                payload,
                postJson(
                        "/api/v1/outreach",
                        map(
                                "date",
                                today.minusDays(1).toString(),
                                "communeCode",
                                "24640",
                                "villageCodes",
                                List.of(villageOf("24640")),
                                "method",
                                "VILLAGE_MEETING",
                                "topics",
                                List.of("CARE"),
                                "organisers",
                                text,
                                "partners",
                                text,
                                "peopleReached",
                                "20",
                                "householdsReached",
                                "8",
                                "language",
                                "vi",
                                "notes",
                                text)),
                "outreach_activity",
                "xa.cujut");
        search("outreach page", "/outreach", "commune", text, "xa.cujut");
        search("outreach API", "/api/v1/outreach", "village", text, "xa.cujut");
        if (!created.stored()) {
            return;
        }
        long id = created.id();
        HostileText.json("activity JSON", created.body(), text, "/organisers", "/partners", "/notes");
        HostileText.html("activity page", page("activity", "/outreach/" + id, "xa.cujut"), text, 3);
        HostileText.html("activity edit form", page("activity", "/outreach/" + id + "/edit", "xa.cujut"), text, 3);
        HostileText.safe("activities list", page("activity", "/outreach?commune=24640", "xa.cujut"), 1);
    }

    // ---------------------------------------------------------------- supervision

    private static volatile String supervisedVillage;

    private String supervisedVillage() throws Exception {
        if (supervisedVillage == null) {
            String body = mvc.perform(postJson(
                                    "/api/v1/org-units/24640/villages",
                                    map("name", "Thôn Giám Sát " + tag(), "type", "Thôn"))
                            .with(as("xa.cujut"))
                            .with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            supervisedVillage = JSON.readTree(body).get("code").asString();
        }
        return supervisedVillage;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void supervisionTextsAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String text = payload.text(tag());
        String village = supervisedVillage();
        LocalDate today = organisation.today();
        Written plan = write(
                "supervision plan",
                payload,
                postJson(
                        "/api/v1/supervision/plans",
                        map(
                                "subject",
                                text,
                                "supervisingUnit",
                                "68",
                                "supervisedUnits",
                                List.of(village),
                                "plannedFrom",
                                today.minusDays(20).toString(),
                                "plannedTo",
                                today.plusDays(20).toString(),
                                "members",
                                text,
                                "notes",
                                text)),
                "supervision_plan",
                "giamsat.lamdong");
        if (!plan.stored()) {
            return;
        }
        long planId = plan.id();
        HostileText.json("plan JSON", plan.body(), text, "/subject", "/members", "/notes");
        Written visit = write(
                "supervision visit",
                payload,
                postJson(
                        "/api/v1/supervision/plans/" + planId + "/visits",
                        map(
                                "unitCode", village,
                                "date", today.minusDays(2).toString(),
                                "members", text,
                                "findings", text)),
                "supervision_visit",
                "giamsat.lamdong");
        assertThat(visit.stored()).as(visit.body()).isTrue();
        HostileText.json("visit JSON", visit.body(), text, "/members", "/findings");
        String address = email();
        mvc.perform(postJson("/api/v1/supervision/contacts", map("unitCode", village, "email", address))
                .with(as("giamsat.lamdong"))
                .with(csrf()));
        Written recommendation = write(
                "recommendation",
                payload,
                postJson(
                        "/api/v1/supervision/plans/" + planId + "/recommendations",
                        map(
                                "visitId",
                                Long.toString(visit.id()),
                                "responsibleUnit",
                                village,
                                "content",
                                text,
                                "dueDate",
                                today.plusDays(30).toString())),
                "supervision_recommendation",
                "giamsat.lamdong");
        assertThat(recommendation.stored()).as(recommendation.body()).isTrue();
        long recommendationId = recommendation.id();
        HostileText.json("recommendation JSON", recommendation.body(), text, "/content");
        Written followUp = write(
                "follow-up",
                payload,
                postJson(
                        "/api/v1/supervision/recommendations/" + recommendationId + "/follow-up",
                        map("status", "IN_PROGRESS", "note", text)),
                "supervision_follow_up",
                "xa.cujut");
        assertThat(followUp.stored()).as(followUp.body()).isTrue();
        HostileText.html("plan page", page("plan", "/supervision/plans/" + planId, "giamsat.lamdong"), text, 6);
        HostileText.html(
                "recommendation page",
                page("recommendation", "/supervision/recommendations/" + recommendationId, "xa.cujut"),
                text,
                2);
        HostileText.json(
                "recommendation JSON read",
                mvc.perform(get("/api/v1/supervision/recommendations/" + recommendationId)
                                .with(as("xa.cujut")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                text,
                "/content",
                "/followUps/0/note");
        HostileText.html("plans list", page("plans", "/supervision", "giamsat.lamdong"), text, 1);
        HostileText.mail("recommendation mail", awaitMail(address), text, 2);
    }

    // ---------------------------------------------------------------- privacy

    private long demoChild() {
        return jdbc.sql("select min(id) from child where commune_code = '24640' and status = 'ACTIVE'")
                .query(Long.class)
                .single();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void privacyRequestAndBreachTextsAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String text = payload.text(tag());
        LocalDate today = organisation.today();
        Written request = write(
                "data-subject request",
                payload,
                postJson(
                        "/api/v1/privacy/requests",
                        map(
                                "kind",
                                "ACCESS",
                                "childId",
                                demoChild(),
                                "receivedOn",
                                today.toString(),
                                "channel",
                                "PAPER",
                                "requesterName",
                                text,
                                "requesterRelationship",
                                text,
                                "details",
                                text)),
                "privacy_request",
                "xa.cujut");
        if (request.stored()) {
            long id = request.tree().at("/id/value").asLong();
            HostileText.json(
                    "request JSON", request.body(), text, "/requesterName", "/requesterRelationship", "/details");
            HostileText.html("request page", page("request", "/privacy/requests/" + id, "xa.cujut"), text, 3);
            HostileText.safe("requests list", page("requests", "/privacy/requests", "xa.cujut"), 1);
            mvc.perform(post("/api/v1/privacy/requests/" + id + "/start")
                    .with(as("xa.cujut"))
                    .with(csrf()));
            Written refused = change(
                    "request refused",
                    payload,
                    postJson("/api/v1/privacy/requests/" + id + "/refuse", map("note", text)),
                    "privacy_request",
                    "xa.cujut");
            if (refused.stored()) {
                HostileText.html(
                        "refused request page", page("request", "/privacy/requests/" + id, "xa.cujut"), text, 1);
            }
        }
        Written breach = write(
                "breach",
                payload,
                postJson(
                        "/api/v1/privacy/breaches",
                        map(
                                "discoveredAt", today.atStartOfDay().toString(),
                                "description", text,
                                "dataAffected", text,
                                "peopleAffected", 3,
                                "containment", text)),
                "privacy_breach",
                "tinh.lamdong");
        if (breach.stored()) {
            HostileText.json("breach JSON", breach.body(), text, "/description", "/dataAffected", "/containment");
            HostileText.html("breaches page", page("breaches", "/privacy/breaches", "tinh.lamdong"), text, 3);
        }
    }

    // ---------------------------------------------------------------- children (scope-allowed officer)

    private Map<String, Object> child(String name, String guardian, String notes) {
        LocalDate today = organisation.today();
        Map<String, Object> consent = map(
                "givenBy",
                "Người Giám Hộ",
                "date",
                today.minusDays(2).toString(),
                "method",
                "WRITTEN",
                "purposes",
                List.of("PROCESSING", "ANONYMOUS_MENTION"));
        return map(
                "fullName",
                name,
                "dateOfBirth",
                today.minusYears(5).toString(),
                "sex",
                "FEMALE",
                "ethnicGroupCode",
                "12",
                "villageCode",
                villageOf("24640"),
                "guardianName",
                guardian,
                "guardianRelationship",
                notes,
                "guardianPhone",
                "0912345678",
                "householdPoverty",
                "POOR",
                "povertyCertificate",
                "HN-1",
                "schooling",
                "PRESCHOOL",
                "schoolName",
                notes,
                "circumstances",
                List.of("HCDB04"),
                "disability",
                notes,
                "healthNotes",
                notes,
                "nutritionNotes",
                notes,
                "guardianConsent",
                consent,
                "confirmDuplicate",
                true);
    }

    private static String personName() {
        String letters = "abcdeghiklmnopqrstuvxy";
        StringBuilder name = new StringBuilder("Hờ Thị ");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 2; i++) {
            name.append(Character.toUpperCase(letters.charAt(random.nextInt(letters.length()))));
            for (int j = 0; j < 4; j++) {
                name.append(letters.charAt(random.nextInt(letters.length())));
            }
            name.append(' ');
        }
        return name.toString().strip();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void childRecordTextsAreStoredAsTextAndShownEscaped(Payload payload) throws Exception {
        String text = payload.text(tag());
        // names hold letters only: refused with a message, or stored as text
        Written named = write(
                "child named with the payload",
                payload,
                postJson("/api/v1/children", child(text, text, "Mẹ")),
                "child",
                "xa.cujut");
        if (named.stored()) {
            HostileText.json("child JSON", named.body(), text, "/fullName", "/guardianName");
            HostileText.html("child page", page("child", "/children/" + named.id(), "xa.cujut"), text, 2);
        }
        Written created = write(
                "child notes",
                payload,
                postJson("/api/v1/children", child(personName(), personName(), text)),
                "child",
                "xa.cujut");
        search("children page", "/children", "q", text, "xa.cujut");
        search("children API", "/api/v1/children", "q", text, "xa.cujut");
        if (!created.stored()) {
            return;
        }
        long id = created.id();
        String[] fields = {"/guardianRelationship", "/schoolName", "/disability", "/healthNotes", "/nutritionNotes"};
        HostileText.json("child JSON", created.body(), text, fields);
        HostileText.html("child page", page("child", "/children/" + id, "xa.cujut"), text, fields.length);
        HostileText.html(
                "child edit form", page("child", "/children/" + id + "/edit", "xa.cujut"), text, fields.length);
        byte[] export = file("children export", "/children/export.xlsx", "xa.cujut");
        HostileText.xlsx("children export", export, text, fields.length);
        // the guardian asks for the child's data: the access export holds the text as string cells
        Written request = write(
                "access request",
                payload,
                postJson(
                        "/api/v1/privacy/requests",
                        map(
                                "kind", "ACCESS",
                                "childId", id,
                                "receivedOn", organisation.today().toString(),
                                "channel", "PAPER",
                                "requesterName", "Người Giám Hộ",
                                "requesterRelationship", "Mẹ")),
                "privacy_request",
                "xa.cujut");
        assertThat(request.stored()).as(request.body()).isTrue();
        long requestId = request.tree().at("/id/value").asLong();
        HostileText.xlsx(
                "access export",
                file("access export", "/privacy/requests/" + requestId + "/export.xlsx", "xa.cujut"),
                text,
                fields.length);
        // a supervisor states why they read the record: the reason is audited
        MvcResult read = mvc.perform(post("/children/" + id + "/read")
                        .param("reason", text)
                        .with(as("giamsat.lamdong"))
                        .with(csrf()))
                .andReturn();
        assertThat(read.getResponse().getStatus()).isLessThan(500);
        HostileText.html(
                "child page read by a supervisor",
                read.getResponse().getContentAsString(StandardCharsets.UTF_8),
                text,
                fields.length);
        HostileText.safe("audit trail", page("audit", "/audit?actor=giamsat.lamdong", "admin"), 1);
    }

    // ---------------------------------------------------------------- reports

    @Autowired
    vn.chungtay.reporting.ReportingSetup reportingSetup;

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void reportTextsAreStoredAsTextAndShownEscapedInEveryDocument(Payload payload) throws Exception {
        String text = payload.text(tag());
        LocalDate today = organisation.today();
        String programme = "HX" + tag().substring(2, 10).toUpperCase(java.util.Locale.ROOT);
        Written template = change(
                "report template",
                payload,
                putJson(
                        "/api/v1/reporting/templates/" + programme,
                        map("title", text, "indicators", List.of(), "sections", List.of())),
                null,
                "admin");
        String title = template.stored() ? text : "Kết quả " + programme;
        if (!template.stored()) {
            assertThat(mvc.perform(putJson(
                                            "/api/v1/reporting/templates/" + programme,
                                            map("title", title, "indicators", List.of(), "sections", List.of()))
                                    .with(as("admin"))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isLessThan(300);
        }
        Written period = write(
                "report period",
                payload,
                postJson(
                        "/api/v1/reporting/periods",
                        map(
                                "programmeCode",
                                programme,
                                "code",
                                "P1",
                                "name",
                                text,
                                "startsOn",
                                today.minusDays(30).toString(),
                                "endsOn",
                                today.plusDays(30).toString())),
                "report_period",
                "admin");
        if (!period.stored()) {
            period = write(
                    "report period",
                    payload,
                    postJson(
                            "/api/v1/reporting/periods",
                            map(
                                    "programmeCode",
                                    programme,
                                    "code",
                                    "P1",
                                    "name",
                                    "Kỳ " + programme,
                                    "startsOn",
                                    today.minusDays(30).toString(),
                                    "endsOn",
                                    today.plusDays(30).toString())),
                    "report_period",
                    "admin");
            assertThat(period.stored()).as(period.body()).isTrue();
        }
        Written opened = write(
                "report",
                payload,
                postJson("/api/v1/reports", map("unit", "24640", "period", "P1", "programme", programme)),
                "report",
                "xa.cujut");
        assertThat(opened.stored()).as(opened.body()).isTrue();
        long id = opened.id();
        Written narrative = change(
                "report narrative",
                payload,
                postJson(
                        "/api/v1/reports/" + id + "/narrative",
                        map(
                                "sections",
                                map("RESULTS", text, "DIFFICULTIES", text, "PROPOSALS", text),
                                "number",
                                "12-BC-MTTQ")),
                "report",
                "xa.cujut");
        String figure = opened.tree().at("/figures/0/code").asString();
        Written adjusted = change(
                "report adjustment note",
                payload,
                postJson("/api/v1/reports/" + id + "/figures/" + figure, map("value", "7", "note", text)),
                "report",
                "xa.cujut");
        search("reports API", "/api/v1/reports", "period", text, "xa.cujut");
        int fields = (narrative.stored() ? 3 : 0) + (adjusted.stored() ? 1 : 0) + (template.stored() ? 1 : 0);
        if (fields == 0) {
            return;
        }
        String shown = narrative.stored() ? text : adjusted.stored() ? text : title;
        if (narrative.stored()) {
            HostileText.json("report JSON", narrative.body(), text, "/narrative/RESULTS", "/narrative/PROPOSALS");
        }
        if (adjusted.stored()) {
            HostileText.json("report JSON", adjusted.body(), text, "/figures/0/note");
        }
        HostileText.html("report page", page("report", "/reports/" + id, "xa.cujut"), shown, fields);
        HostileText.pdf("report PDF", file("report", "/reports/" + id + ".pdf", "xa.cujut"), shown, fields);
        HostileText.docx("report DOCX", file("report", "/reports/" + id + ".docx", "xa.cujut"), shown, fields);
        byte[] xlsx = file("report", "/reports/" + id + ".xlsx", "xa.cujut");
        if (adjusted.stored() || template.stored()) {
            HostileText.xlsx("report XLSX", xlsx, adjusted.stored() ? text : title, 1);
        }
        // submitted: the province is mailed the report, its subject names the period
        String address = email();
        String[] previous = new String[1];
        CurrentActor.runAs(new Actor("admin", vn.chungtay.shared.security.Role.ADMIN, null), () -> {
            previous[0] = reportingSetup.address("68").orElse(null);
            reportingSetup.setAddress("68", address);
        });
        try {
            MvcResult submitted = mvc.perform(post("/api/v1/reports/" + id + "/submit")
                            .with(as("xa.cujut"))
                            .with(csrf()))
                    .andReturn();
            assertThat(submitted.getResponse().getStatus())
                    .as(submitted.getResponse().getContentAsString())
                    .isEqualTo(200);
            counted(1);
        } finally {
            CurrentActor.runAs(
                    new Actor("admin", vn.chungtay.shared.security.Role.ADMIN, null),
                    () -> reportingSetup.setAddress("68", previous[0] == null ? "" : previous[0]));
        }
        HostileText.mail("report mail", awaitMail(address), period.stored() ? text : shown, 1);
    }

    // ---------------------------------------------------------------- commendations

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void commendationNotesAreStoredAsTextAndShownEscapedInTheProposalAndLetter(Payload payload) throws Exception {
        String text = payload.text(tag());
        LocalDate from =
                LocalDate.of(2026, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300));
        long proposal = jdbc.sql("""
                        insert into commendation_proposal (unit_code, level, year, period_from, period_to, created_by)
                        values ('24640', 'COMMUNE', 2026, ?, ?, 'test') returning id""")
                .params(from, from.plusDays(1 + ThreadLocalRandom.current().nextInt(5000)))
                .query(Long.class)
                .single();
        long candidate = jdbc.sql("""
                        insert into commendation_candidate (proposal_id, donor_id, donor_name, donor_kind, donor_group,
                               domestic, country, value_dong, basis, form, achievements)
                        values (?, ?, ?, 'INDIVIDUAL', 'INDIVIDUAL', true, 'VN', 12500000, 'DELIVERED', 'GIAY_KHEN',
                                'Ủng hộ áo ấm') returning id""")
                .params(
                        proposal,
                        890_000 + ThreadLocalRandom.current().nextInt(100_000),
                        text.length() > 300 ? "Nguyễn Văn Dài " + tag() : NulCharacterFree.of(text))
                .query(Long.class)
                .single();
        Written achievements = change(
                "achievements",
                payload,
                post("/commendations/candidates/" + candidate + "/achievements").param("text", text),
                "commendation_candidate",
                "xa.cujut");
        if (!achievements.stored()) {
            return;
        }
        HostileText.html(
                "proposal page", page("proposal", "/commendations/proposals/" + proposal, "xa.cujut"), text, 2);
        HostileText.docx(
                "proposal DOCX",
                file("proposal", "/commendations/proposals/" + proposal + "/document.docx", "xa.cujut"),
                text,
                2);
        mvc.perform(post("/commendations/proposals/" + proposal + "/submit")
                .with(as("xa.cujut"))
                .with(csrf()));
        Written approved = change(
                "approval note",
                payload,
                post("/commendations/candidates/" + candidate + "/approve").param("text", text),
                "commendation_candidate",
                "tinh.lamdong");
        assertThat(approved.stored())
                .as(String.valueOf(approved.result().getFlashMap()))
                .isTrue();
        HostileText.html(
                "decided proposal page",
                page("proposal", "/commendations/proposals/" + proposal, "tinh.lamdong"),
                text,
                3);
        HostileText.pdf(
                "commendation letter",
                file("letter", "/commendations/candidates/" + candidate + "/letter.pdf", "tinh.lamdong"),
                text,
                2);
    }

    /** What a donor's name is once stored: without NUL characters (the register drops them). */
    private static final class NulCharacterFree {
        static String of(String text) {
            return text.replace("\0", "");
        }
    }

    // ---------------------------------------------------------------- unit names that look like formulas

    /**
     * The unit list import takes names as they are, "=HYPERLINK(…)" included (administrators only):
     * they stay text on the way out — pages and JSON as typed, XLSX as string cells (never formulas),
     * PDF and DOCX literally.
     */
    @Test
    void unitNamesThatLookLikeFormulasStayTextInEveryExport() throws Exception {
        List<Payload> formulas =
                HostileText.PAYLOADS.stream().filter(Payload::formula).toList();
        LocalDate today = organisation.today();
        StringBuilder units = new StringBuilder("code,name,full_name,level,parent_code,unit_type\r\n");
        units.append("96,Thử Công Thức,Tỉnh Thử Công Thức,1,,Tỉnh\r\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < formulas.size(); i++) {
            String name = formulas.get(i).text(tag());
            names.add(name);
            String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
            units.append("9600")
                    .append(i + 1)
                    .append(',')
                    .append(quoted)
                    .append(',')
                    .append(quoted)
                    .append(",2,96,Xã\r\n");
        }
        MvcResult imported = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/admin/org-units/import")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "units",
                                "don-vi.csv",
                                "text/csv",
                                units.toString().getBytes(StandardCharsets.UTF_8)))
                        .param("effectiveDate", today.minusDays(1).toString())
                        .with(as("admin"))
                        .with(csrf()))
                .andReturn();
        assertThat(imported.getResponse().getStatus()).isEqualTo(200);
        counted(names.size());
        String programme = "HXF" + tag().substring(2, 9).toUpperCase(java.util.Locale.ROOT);
        mvc.perform(putJson(
                        "/api/v1/reporting/templates/" + programme,
                        map("title", "Kết quả " + programme, "indicators", List.of(), "sections", List.of()))
                .with(as("admin"))
                .with(csrf()));
        mvc.perform(postJson(
                        "/api/v1/reporting/periods",
                        map(
                                "programmeCode",
                                programme,
                                "code",
                                "P1",
                                "name",
                                "Kỳ " + programme,
                                "startsOn",
                                today.minusDays(30).toString(),
                                "endsOn",
                                today.plusDays(30).toString()))
                .with(as("admin"))
                .with(csrf()));
        for (int i = 0; i < names.size(); i++) {
            String code = "9600" + (i + 1);
            String name = names.get(i);
            HostileText.json(
                    "unit JSON",
                    mvc.perform(get("/api/v1/org-units/" + code).with(as("admin")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8),
                    name,
                    "/name");
            HostileText.html("unit page", page("unit", "/org-units/" + code, "admin"), name, 1);
            HostileText.html("public commune page", page("public commune", "/public/communes/" + code, null), name, 1);
            Written report = write(
                    "report of a formula-named commune",
                    formulas.get(i),
                    postJson("/api/v1/reports", map("unit", code, "period", "P1", "programme", programme)),
                    "report",
                    "admin");
            assertThat(report.stored()).as(report.body()).isTrue();
            long id = report.id();
            HostileText.xlsx("report XLSX", file("report", "/reports/" + id + ".xlsx", "admin"), name, 1);
            HostileText.pdf("report PDF", file("report", "/reports/" + id + ".pdf", "admin"), name, 1);
            HostileText.docx("report DOCX", file("report", "/reports/" + id + ".docx", "admin"), name, 1);
        }
        byte[] consolidated = file(
                "consolidated report", "/reports/consolidated.xlsx?unit=96&period=P1&programme=" + programme, "admin");
        for (String name : names) {
            HostileText.xlsx("consolidated report XLSX", consolidated, name, 1);
        }
    }
}
