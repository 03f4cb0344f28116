package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.ledger.internal.LedgerExport;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class LedgerBatchPostingIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerExport export;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    LedgerMother mother;

    @BeforeEach
    void setUp() {
        mother = new LedgerMother(campaigns, needs, organisation, ledger);
    }

    private ReceiptPosting posting(Campaign campaign, long amount, String donorName, String message) {
        return new ReceiptPosting(
                campaign.id(),
                campaign.unitCode(),
                mother.today(),
                Vnd.of(amount),
                null,
                77_101L,
                donorName,
                message,
                "batch-" + UUID.randomUUID());
    }

    private List<ReceiptPosting> postings(Campaign campaign, int count, String prefix) {
        List<ReceiptPosting> postings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            postings.add(posting(campaign, 10_000 + i, "Trần Thị " + prefix + i, "ung ho " + prefix + " " + i));
        }
        return postings;
    }

    private List<Long> sequences(Campaign campaign) {
        return jdbc.sql("select sequence from ledger_entry where campaign_id = :c order by sequence")
                .param("c", campaign.id().value())
                .query(Long.class)
                .list();
    }

    private LedgerCsvVerifier.Result verifiedCsv(Campaign campaign) {
        StringWriter out = new StringWriter();
        export.writeCsv(campaign.id().value(), out);
        return LedgerCsvVerifier.verify(
                new StringReader(out.toString()), ledger.head(campaign.id()).headHash());
    }

    @Test
    void batchPostedReceiptsContinueTheSinglePathsSequenceAndTheChainVerifies() {
        Campaign campaign = mother.campaign("24640");
        LedgerEntry first = mother.receipt(campaign, 100_000, "mot");
        List<LedgerEntry> batch = ledger.postReceipts(List.of(
                posting(campaign, 200_000, "Lê Văn Lô", "ung ho, tk 0101001222009 (CT1001)"),
                new ReceiptPosting(
                        campaign.id(),
                        "24640",
                        mother.today(),
                        Vnd.of(300_000),
                        new Item("Vở", "quyển", 50),
                        77_102L,
                        null,
                        "=cmd|' /C calc'!A0\tvới tab\nvà \"ngoặc\" \\ gạch",
                        null),
                posting(campaign, 400_000, "Nhà hảo tâm", null)));
        LedgerEntry last = mother.receipt(campaign, 500_000, "nam");

        assertThat(batch).extracting(LedgerEntry::sequence).containsExactly(2L, 3L, 4L);
        assertThat(batch.get(0).previousHash()).isEqualTo(first.hash());
        assertThat(last.previousHash()).isEqualTo(batch.get(2).hash());
        assertThat(last.sequence()).isEqualTo(5);
        assertThat(batch.get(0).publicMessage()).isEqualTo("ung ho, tk 0101****009 (CT1001)");
        assertThat(batch.get(1).donorPublicName()).isEqualTo("Ẩn danh");
        assertThat(sequences(campaign)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ledger.verify(campaign.id()).intact()).isTrue();
        assertThat(ledger.verify(campaign.id()).checked()).isEqualTo(5);
        LedgerCsvVerifier.Result csv = verifiedCsv(campaign);
        assertThat(csv.ok()).as(csv.problem()).isTrue();
        assertThat(csv.count()).isEqualTo(5);
        CampaignTotals totals = ledger.totals(campaign.id());
        assertThat(totals.received()).isEqualTo(Vnd.of(1_500_000));
        assertThat(totals.entries()).isEqualTo(5);
        assertThat(ledger.balances(campaign.id()))
                .extracting(b -> b.account() + "=" + b.amount().dong() + "/" + b.quantity())
                .contains("POOL:24640=1200000/0", "POOL:24640=300000/50");
        assertThat(ledger.entry(batch.get(0).id())).contains(batch.get(0));
        assertThat(ledger.entriesFor(batch.get(0).sourceRef()))
                .extracting(LedgerEntry::id)
                .containsExactly(batch.get(0).id());
    }

    @Test
    void batchEntriesStoreWhatSinglePostingsStoreAndCanBeAllocatedFirstInFirstOut() {
        Campaign single = mother.campaign("24640");
        Campaign batch = mother.campaign("24640");
        String message = "Chuyển tiền ủng hộ các cháu, SĐT 0905123456, ref 292976.010926.013647";
        LedgerEntry one = ledger.postReceipt(posting(single, 250_000, "Phạm  Thị   Gương", message));
        LedgerEntry other = ledger.postReceipts(List.of(posting(batch, 250_000, "Phạm  Thị   Gương", message)))
                .get(0);
        String columns = "kind, entry_date, amount_dong, item_key, from_account, to_account, donor_id,"
                + " donor_public_name, public_message, search_folded, reference_keys::text, search_tokens::text,"
                + " previous_hash, created_by";
        String stored = "select concat_ws('|', " + columns + ") from ledger_entry where id = :id";
        assertThat(jdbc.sql(stored)
                        .param("id", other.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo(jdbc.sql(stored)
                        .param("id", one.id().value())
                        .query(String.class)
                        .single());

        // FIFO: an allocation takes the batch's receipts in their order
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        List<LedgerEntry> gifts = ledger.postReceipts(postings(batch, 3, "fifo"));
        mother.allocateToNeed(batch, need, 250_000 + 10_000 + 5_000);
        assertThat(ledger.whereWent(other.id()))
                .singleElement()
                .satisfies(d -> assertThat(d.allocated()).isEqualTo(Vnd.of(250_000)));
        assertThat(ledger.whereWent(gifts.get(0).id()))
                .singleElement()
                .satisfies(d -> assertThat(d.allocated()).isEqualTo(Vnd.of(10_000)));
        assertThat(ledger.whereWent(gifts.get(1).id()))
                .singleElement()
                .satisfies(d -> assertThat(d.allocated()).isEqualTo(Vnd.of(5_000)));
        assertThat(ledger.whereWent(gifts.get(2).id())).isEmpty();
        assertThat(ledger.verify(batch.id()).intact()).isTrue();
    }

    @Test
    void aBatchOverTwoCampaignsKeepsEachChainAndAuditsEachOnce() {
        Campaign a = mother.campaign("24640");
        Campaign b = mother.campaign("24640");
        List<ReceiptPosting> mixed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mixed.add(posting(i % 2 == 0 ? a : b, 1_000 + i, "Đỗ Văn " + i, "hai chien dich " + i));
        }
        List<LedgerEntry> posted = ledger.postReceipts(mixed);

        assertThat(posted)
                .extracting(e -> e.campaignId().value() + ":" + e.sequence())
                .containsExactly(
                        a.id() + ":1", b.id() + ":1", a.id() + ":2", b.id() + ":2", a.id() + ":3", b.id() + ":3");
        assertThat(ledger.verify(a.id()).intact()).isTrue();
        assertThat(ledger.verify(b.id()).intact()).isTrue();
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where action = 'POST_BATCH' and entity_type = 'LedgerEntry'"
                                        + " and (after ->> 'campaignId')::bigint in (:a, :b)")
                        .param("a", a.id().value())
                        .param("b", b.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aBatchWithOneBadPostingWritesNothingAndNamesIt() {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 100_000, "truoc");
        List<ReceiptPosting> postings = new ArrayList<>(postings(campaign, 5, "loi"));
        postings.set(
                3,
                new ReceiptPosting(
                        campaign.id(),
                        "24640",
                        mother.today().plusDays(1),
                        Vnd.of(5_000),
                        null,
                        77_101L,
                        "Ngày Mai",
                        "ngay mai",
                        null));

        assertThatThrownBy(() -> ledger.postReceipts(postings)).isInstanceOfSatisfying(ReceiptRejected.class, e -> {
            assertThat(e.index()).isEqualTo(3);
            assertThat(e.rule()).isEqualTo("dateNotInFuture");
            assertThat(e.messageKey()).isEqualTo("ledger.error.dateInFuture");
        });
        assertThat(sequences(campaign)).containsExactly(1L);
        assertThat(ledger.totals(campaign.id()).received()).isEqualTo(Vnd.of(100_000));
        assertThat(ledger.totals(campaign.id()).entries()).isEqualTo(1);

        List<ReceiptPosting> zero = new ArrayList<>(postings(campaign, 2, "khong"));
        zero.add(posting(campaign, 0, "Không Đồng", null));
        assertThatThrownBy(() -> ledger.postReceipts(zero)).isInstanceOfSatisfying(ReceiptRejected.class, e -> {
            assertThat(e.index()).isEqualTo(2);
            assertThat(e.rule()).isEqualTo("amountPositive");
        });
        assertThat(sequences(campaign)).containsExactly(1L);
        assertThat(ledger.verify(campaign.id()).intact()).isTrue();
    }

    @Test
    void singleAndBatchPostingsRacingOnOneCampaignStayGaplessAndVerify() throws Exception {
        Campaign campaign = mother.campaign("24640");
        int batches = 8;
        int perBatch = 40;
        int singles = 60;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> batchThread = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                CurrentActor.runAs(Actor.SYSTEM, () -> {
                    for (int i = 0; i < batches; i++) {
                        ledger.postReceipts(postings(campaign, perBatch, "lo" + i + "-"));
                    }
                });
                return null;
            });
            Future<?> singleThread = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                CurrentActor.runAs(Actor.SYSTEM, () -> {
                    for (int i = 0; i < singles; i++) {
                        ledger.postReceipt(posting(campaign, 1_000 + i, "Một Mình " + i, "le " + i));
                    }
                });
                return null;
            });
            batchThread.get(120, TimeUnit.SECONDS);
            singleThread.get(120, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        int total = batches * perBatch + singles;
        List<Long> sequences = sequences(campaign);
        assertThat(sequences).hasSize(total);
        assertThat(sequences.get(total - 1)).isEqualTo(total);
        assertThat(ledger.totals(campaign.id()).entries()).isEqualTo(total);
        ChainCheck check = ledger.verify(campaign.id());
        assertThat(check.intact()).isTrue();
        assertThat(check.checked()).isEqualTo(total);
        LedgerCsvVerifier.Result csv = verifiedCsv(campaign);
        assertThat(csv.ok()).as(csv.problem()).isTrue();
        assertThat(csv.count()).isEqualTo(total);
        // ids grow with the sequence within the campaign
        assertThat(jdbc.sql("select count(*) from ledger_entry e join ledger_entry f on f.campaign_id = e.campaign_id"
                                + " and f.sequence = e.sequence + 1 where e.campaign_id = :c and f.id < e.id")
                        .param("c", campaign.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theDatabaseChecksEveryEntryOfAManyRowStatementInChainOrder() {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 100_000, "mot");
        String insert = """
                insert into ledger_entry (campaign_id, sequence, kind, entry_date, amount_dong, from_account, to_account,
                    commune_code, previous_hash, hash, created_by)
                values (:c, 2, 'ALLOCATION', current_date, :allocated, 'POOL:24640', 'COMMUNE:24640', '24640',
                        repeat('0', 64), repeat('0', 64), 'direct-sql'),
                       (:c, 3, 'RECEIPT', current_date, 100000, 'DONOR:1', 'POOL:24640', null,
                        repeat('0', 64), repeat('0', 64), 'direct-sql')""";
        // the pool would hold -50,000 after entry 2, although +50,000 after entry 3: refused whole
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .param("c", campaign.id().value())
                        .param("allocated", 150_000)
                        .update())
                .hasStackTraceContaining("ledger_balance_amount_not_negative");
        assertThat(sequences(campaign)).containsExactly(1L);
        assertThat(ledger.totals(campaign.id()).received()).isEqualTo(Vnd.of(100_000));

        jdbc.sql(insert)
                .param("c", campaign.id().value())
                .param("allocated", 80_000)
                .update();
        assertThat(ledger.balances(campaign.id()))
                .extracting(b -> b.account() + "=" + b.amount().dong())
                .containsExactly("POOL:24640=120000", "COMMUNE:24640=80000");
        CampaignTotals totals = ledger.totals(campaign.id());
        assertThat(totals.received()).isEqualTo(Vnd.of(200_000));
        assertThat(totals.allocated()).isEqualTo(Vnd.of(80_000));
    }
}
