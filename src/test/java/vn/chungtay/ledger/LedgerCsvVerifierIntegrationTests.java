package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.ledger.internal.LedgerExport;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;

@IntegrationTest
class LedgerCsvVerifierIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerExport export;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    LedgerMother mother;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        mother = new LedgerMother(campaigns, needs, organisation, ledger);
    }

    /** A campaign with every kind of entry, in money and in kind, with awkward text. */
    private Campaign campaignWithEveryKindOfEntry() {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        mother.receipt(campaign, 900_000, "=cmd|' /C calc'!A0, \"trích dẫn\"\nxuống dòng");
        ledger.postReceipt(new ReceiptPosting(
                campaign.id(),
                "24640",
                mother.today(),
                Vnd.of(500_000),
                new Item("Vở", "quyển", 200),
                8L,
                null,
                null,
                null));
        mother.allocateToNeed(campaign, need, 400_000);
        LedgerEntry wrong = ledger.allocate(new AllocationPosting(
                campaign.id(),
                null,
                Destination.toCommune("24640", "HOC_TAP"),
                mother.today(),
                null,
                new Item("vở", "Quyển", 120),
                "cho điểm trường"));
        ledger.reverse(wrong.id(), "Nhầm điểm trường, 'phân bổ lại'");
        mother.deliverFromNeed(campaign, need, 400_000, 15);
        return campaign;
    }

    private String csv(Campaign campaign) {
        StringWriter out = new StringWriter();
        export.writeCsv(campaign.id().value(), out);
        return out.toString();
    }

    @Test
    void anExportedLedgerVerifiesAgainstItsHead() {
        Campaign campaign = campaignWithEveryKindOfEntry();
        ChainHead head = ledger.head(campaign.id());

        LedgerCsvVerifier.Result result = LedgerCsvVerifier.verify(new StringReader(csv(campaign)), head.headHash());

        assertThat(result.ok()).as(result.problem()).isTrue();
        assertThat(result.count()).isEqualTo(6);
        assertThat(result.headSequence()).isEqualTo(6);
        assertThat(result.campaignId()).isEqualTo(campaign.id().value());
    }

    @Test
    void anOlderPublishedHeadStillVerifiesAndAWrongHeadDoesNot() {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 100_000, null);
        String older = ledger.head(campaign.id()).headHash();
        mother.receipt(campaign, 200_000, null);
        String csv = csv(campaign);

        assertThat(LedgerCsvVerifier.verify(new StringReader(csv), older).headSequence())
                .isEqualTo(1);
        LedgerCsvVerifier.Result wrong = LedgerCsvVerifier.verify(new StringReader(csv), "ab".repeat(32));
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.problem()).contains("is not the hash of any entry");
    }

    @Test
    void aChangedAmountInTheCsvNamesTheBrokenEntry() {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 100_000, "mot");
        mother.receipt(campaign, 200_000, "hai");
        mother.receipt(campaign, 300_000, "ba");
        String head = ledger.head(campaign.id()).headHash();
        String csv = csv(campaign);

        String tampered =
                csv.replace(",RECEIPT," + mother.today() + ",200000,", ",RECEIPT," + mother.today() + ",2000000,");
        assertThat(tampered).isNotEqualTo(csv);
        LedgerCsvVerifier.Result result = LedgerCsvVerifier.verify(new StringReader(tampered), head);
        assertThat(result.ok()).isFalse();
        assertThat(result.brokenSequence()).isEqualTo(2);
        assertThat(result.problem()).contains("do not give its hash");

        String withoutLine = String.join(
                "\r\n", csv.lines().filter(l -> !l.contains(",hai,")).toList());
        assertThat(LedgerCsvVerifier.verify(new StringReader(withoutLine), head).brokenSequence())
                .isEqualTo(2);
    }

    @Test
    void aChangeInTheDatabaseShowsInTheExportedCsv() {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 100_000, "mot");
        LedgerEntry second = mother.receipt(campaign, 200_000, "hai");
        String head = ledger.head(campaign.id()).headHash();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update ledger_entry set amount_dong = 20000 where id = :id")
                    .param("id", second.id().value())
                    .update();
        });

        LedgerCsvVerifier.Result result = LedgerCsvVerifier.verify(new StringReader(csv(campaign)), head);
        assertThat(result.brokenSequence()).isEqualTo(2);
        assertThat(ledger.verify(campaign.id()).firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void theCommandPrintsOkOrWhereItBreaksWithExitCodes() throws Exception {
        Campaign campaign = campaignWithEveryKindOfEntry();
        String head = ledger.head(campaign.id()).headHash();
        Path file = dir.resolve("ledger.csv");
        Files.writeString(file, csv(campaign), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int ok = LedgerCsvVerifier.run(
                new String[] {file.toString(), head}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(ok).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: 6 entries of campaign " + campaign.id());

        Files.writeString(file, csv(campaign).replace("Vở", "Sách"), StandardCharsets.UTF_8);
        out.reset();
        int broken = LedgerCsvVerifier.run(
                new String[] {file.toString(), head}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(broken).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("BROKEN at sequence 2: ");

        int usage = LedgerCsvVerifier.run(
                new String[] {file.toString()}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(usage).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: verify-ledger");
    }
}
