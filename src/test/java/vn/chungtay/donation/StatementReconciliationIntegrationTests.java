package vn.chungtay.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerCsvVerifier;
import vn.chungtay.ledger.internal.LedgerExport;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/** Statement lines with a payment code: posted to the ledger in one batch, their senders' donors found once. */
@IntegrationTest
class StatementReconciliationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    DonationManagement donations;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerExport export;

    private LocalDate today() {
        return organisation.today();
    }

    private Campaign campaign() {
        return DonationMother.campaign(campaigns, "24640", today().minusDays(60), today().plusDays(30));
    }

    private ResultActions upload(long campaignId, String content) throws Exception {
        return mvc.perform(multipart("/api/v1/statements")
                .file(new MockMultipartFile("file", "sao-ke.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8)))
                .param("campaignId", Long.toString(campaignId))
                .param("layout", "B-PageId")
                .with(httpBasic("xa.cujut", "demo12345")));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A sender's name of letters only (statement names carry no digits), unique to the test run. */
    private static String name(String surname) {
        StringBuilder letters = new StringBuilder();
        for (char c : DonationMother.unique().toCharArray()) {
            letters.append(Character.isDigit(c) ? (char) ('a' + (c - '0')) : c);
        }
        return surname + " VAN " + letters.toString().toUpperCase(Locale.ROOT);
    }

    private String coded(Campaign campaign, LocalDate day, String sender, long amount) {
        return DonationMother.credit(
                day, "2026" + DonationMother.unique(), "ung ho cac chau CT" + campaign.id(), amount, sender);
    }

    @Test
    void codedLinesContinueTheReceiptNumbersAndTheChainOfTheSinglePath() throws Exception {
        Campaign campaign = campaign();
        AtomicReference<GiftView> recorded = new AtomicReference<>();
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> recorded.set(donations.record(
                        DonationMother.cash(campaign.id().value(), "Người Trao Tay", 50_000, today()))));
        GiftView cash = recorded.get();
        StringBuilder csv = new StringBuilder(DonationMother.header());
        for (int i = 0; i < 5; i++) {
            csv.append(coded(campaign, today(), name("LE"), 10_000 * (i + 1)));
        }
        csv.append(DonationMother.credit(today(), "R" + DonationMother.unique(), "khong ma", 7_000, name("VO")));
        upload(campaign.id().value(), csv.toString())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(5))
                .andExpect(jsonPath("$.unmatched").value(1));

        List<Integer> numbers = jdbc.sql("select receipt_number from donation where campaign_id = ?"
                        + " and channel = 'BANK_TRANSFER' order by receipt_number")
                .param(campaign.id().value())
                .query(Integer.class)
                .list();
        int first = cash.receiptSequence();
        assertThat(numbers).containsExactly(first + 1, first + 2, first + 3, first + 4, first + 5);
        int year = today().getYear();
        assertThat(count(
                        "select max(receipt_number) - min(receipt_number) + 1 - count(*) from donation"
                                + " where receiving_unit_code = '24640' and receipt_year = ?",
                        year))
                .as("the unit's receipt numbers of the year have no gaps")
                .isZero();
        assertThat(jdbc.sql("select sequence from ledger_entry where campaign_id = ? order by sequence")
                        .param(campaign.id().value())
                        .query(Long.class)
                        .list())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(count(
                        "select count(*) from donation d join ledger_entry e on e.id = d.receipt_entry_id"
                                + " where d.campaign_id = ? and e.amount_dong = d.amount_dong"
                                + " and e.source_ref = d.id::text and e.donor_id = d.donor_id",
                        campaign.id().value()))
                .isEqualTo(6);
        assertThat(ledger.verify(campaign.id()).intact()).isTrue();
        StringWriter out = new StringWriter();
        export.writeCsv(campaign.id().value(), out);
        LedgerCsvVerifier.Result verified = LedgerCsvVerifier.verify(
                new StringReader(out.toString()), ledger.head(campaign.id()).headHash());
        assertThat(verified.ok()).as(verified.problem()).isTrue();
        assertThat(verified.count()).isEqualTo(6);
    }

    @Test
    void reimportingPostsNothingAndALaterStatementFindsTheSameSenders() throws Exception {
        Campaign campaign = campaign();
        String an = name("TRAN");
        String binh = name("PHAM");
        String first = DonationMother.header()
                + coded(campaign, today().minusDays(2), an, 100_000)
                + coded(campaign, today().minusDays(2), binh, 200_000)
                + coded(campaign, today().minusDays(1), an, 300_000)
                + DonationMother.credit(
                        today().minusDays(1), "2026" + DonationMother.unique(), "UNG HO CT" + campaign.id(), 5_000, "");
        long donorsBefore = count("select count(*) from donor");
        upload(campaign.id().value(), first)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(4));
        long donorsAfterFirst = count("select count(*) from donor");
        assertThat(donorsAfterFirst - donorsBefore)
                .isBetween(2L, 3L); // the two senders, and the unit's anonymous one if new
        long entries = count(
                "select count(*) from ledger_entry where campaign_id = ?",
                campaign.id().value());

        upload(campaign.id().value(), first)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicates").value(4))
                .andExpect(jsonPath("$.matched").value(0));
        assertThat(count("select count(*) from donor")).isEqualTo(donorsAfterFirst);
        assertThat(count(
                        "select count(*) from ledger_entry where campaign_id = ?",
                        campaign.id().value()))
                .isEqualTo(entries);

        // a new statement of the same senders (new references): new gifts, the same donors
        String later = DonationMother.header()
                + coded(campaign, today(), an.toLowerCase(Locale.ROOT), 400_000)
                + coded(campaign, today(), binh, 500_000)
                + DonationMother.credit(
                        today(), "2026" + DonationMother.unique(), "ung ho CT" + campaign.id(), 6_000, "");
        upload(campaign.id().value(), later)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(3));
        assertThat(count("select count(*) from donor")).isEqualTo(donorsAfterFirst);
        assertThat(count(
                        "select count(distinct donor_id) from donation where campaign_id = ? and donor_name <> 'Nhà hảo tâm'",
                        campaign.id().value()))
                .isEqualTo(2);
        assertThat(count(
                        "select count(distinct donor_id) from donation where campaign_id = ? and donor_name = 'Nhà hảo tâm'",
                        campaign.id().value()))
                .isEqualTo(1);
        assertThat(ledger.verify(campaign.id()).intact()).isTrue();
    }

    @Test
    void sendersOfOneNameWithDifferentAccountsAreDifferentDonors() throws Exception {
        Campaign campaign = campaign();
        String sender = name("HOANG");
        String csv = DonationMother.header()
                + message(campaign, "0101001222009", sender, 10_000)
                + message(campaign, "0101001222009", sender, 20_000)
                + message(campaign, "0202002333001", sender, 30_000);
        upload(campaign.id().value(), csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(3));
        List<Long> donors = jdbc.sql("select donor_id from donation where campaign_id = ? order by amount_dong")
                .param(campaign.id().value())
                .query(Long.class)
                .list();
        assertThat(donors.get(0)).isEqualTo(donors.get(1));
        assertThat(donors.get(2)).isNotEqualTo(donors.get(0));
        assertThat(count(
                        "select count(*) from donor where id in (?, ?) and phone is null",
                        donors.get(0),
                        donors.get(2)))
                .isEqualTo(2);
    }

    /** A layout-A style message naming the sender and their account, with an empty counterparty column. */
    private String message(Campaign campaign, String account, String sender, long amount) {
        return DonationMother.credit(
                today(),
                "2026" + DonationMother.unique(),
                "MBVCB.6916176124.%s chuyen tien CT%s.CT tu %s %s toi 0011001932418 MAT TRAN TO QUOC VN"
                        .formatted(sender, campaign.id(), account, sender),
                amount,
                "");
    }

    @Test
    void aCodedLineTheLedgerRefusesRefusesTheWholeFileNamingTheLine() throws Exception {
        Campaign campaign = campaign();
        String sender = name("DO");
        String csv = DonationMother.header()
                + coded(campaign, today(), name("NGO"), 10_000)
                + DonationMother.credit(today(), "R" + DonationMother.unique(), "cho doi chieu", 5_000, name("LY"))
                + coded(campaign, today().plusDays(1), sender, 20_000)
                + coded(campaign, today(), name("BUI"), 30_000);
        long donorsBefore = count("select count(*) from donor");
        upload(campaign.id().value(), csv)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath(
                        "$.errors[0].message", allOf(containsString("sổ cái"), containsString("sau hôm nay"))));
        assertThat(count(
                        "select count(*) from statement_import where campaign_id = ?",
                        campaign.id().value()))
                .isZero();
        assertThat(count(
                        "select count(*) from statement_line where campaign_id = ?",
                        campaign.id().value()))
                .isZero();
        assertThat(count(
                        "select count(*) from donation where campaign_id = ?",
                        campaign.id().value()))
                .isZero();
        assertThat(count(
                        "select count(*) from ledger_entry where campaign_id = ?",
                        campaign.id().value()))
                .isZero();
        assertThat(count("select count(*) from donor")).isEqualTo(donorsBefore);
    }
}
