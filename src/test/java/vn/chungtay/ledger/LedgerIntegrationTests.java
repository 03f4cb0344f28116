package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;

@IntegrationTest
class LedgerIntegrationTests {

    @Autowired
    Ledger ledger;

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

    @BeforeEach
    void setUp() {
        mother = new LedgerMother(campaigns, needs, organisation, ledger);
    }

    private long entries(Campaign campaign) {
        return jdbc.sql("select count(*) from ledger_entry where campaign_id = :c")
                .param("c", campaign.id().value())
                .query(Long.class)
                .single();
    }

    private long balance(Campaign campaign, String account) {
        return ledger.balances(campaign.id()).stream()
                .filter(b -> b.account().equals(account) && b.isMoney())
                .mapToLong(b -> b.amount().dong())
                .sum();
    }

    @Test
    void moneyGoesFromReceiptToAllocationToDeliveryAndTheTotalsFollow() {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 150_000);
        LedgerEntry receipt = mother.receipt(campaign, 1_000_000, "ung ho cac chau, tk 0101001222009");
        LedgerEntry allocation = mother.allocateToNeed(campaign, need, 600_000);
        LedgerEntry delivery = mother.deliverFromNeed(campaign, need, 400_000, 12);

        assertThat(receipt.sequence()).isEqualTo(1);
        assertThat(receipt.fromAccount()).isEqualTo("DONOR:77001");
        assertThat(receipt.toAccount()).isEqualTo("POOL:24640");
        assertThat(receipt.publicMessage()).isEqualTo("ung ho cac chau, tk 0101****009");
        assertThat(receipt.previousHash()).isEqualTo(LedgerHashing.GENESIS);
        assertThat(allocation.toAccount()).isEqualTo("NEED:" + need.id().value());
        assertThat(allocation.communeCode()).isEqualTo("24640");
        assertThat(allocation.villageCode()).isEqualTo(need.unitCode());
        assertThat(allocation.categoryCode()).isEqualTo("DO_AM");
        assertThat(allocation.previousHash()).isEqualTo(receipt.hash());
        assertThat(delivery.toAccount()).isEqualTo("DELIVERED:NEED:" + need.id().value());
        assertThat(delivery.sequence()).isEqualTo(3);

        CampaignTotals totals = ledger.totals(campaign.id());
        assertThat(totals.received()).isEqualTo(Vnd.of(1_000_000));
        assertThat(totals.allocated()).isEqualTo(Vnd.of(600_000));
        assertThat(totals.delivered()).isEqualTo(Vnd.of(400_000));
        assertThat(totals.unallocated()).isEqualTo(Vnd.of(400_000));
        assertThat(totals.entries()).isEqualTo(3);
        assertThat(ledger.allocatedToNeed(need.id().value())).isEqualTo(Vnd.of(600_000));
        assertThat(ledger.deliveredFromNeed(need.id().value())).isEqualTo(Vnd.of(400_000));
        assertThat(ledger.undeliveredToNeed(need.id().value()))
                .containsExactly(Map.entry(campaign.id(), Vnd.of(200_000)));
        NeedView funded = mother.need(need.id());
        assertThat(funded.funded()).isEqualTo(Vnd.of(600_000));
        assertThat(funded.status()).isEqualTo(NeedStatus.PARTLY_FUNDED);

        assertThat(ledger.whereWent(receipt.id())).singleElement().satisfies(d -> {
            assertThat(d.needId()).isEqualTo(need.id().value());
            assertThat(d.communeCode()).isEqualTo("24640");
            assertThat(d.allocated()).isEqualTo(Vnd.of(600_000));
            assertThat(d.delivered()).isEqualTo(Vnd.of(400_000));
            assertThat(d.childrenCount()).isEqualTo(12);
        });
        assertThat(ledger.valueByDonor(mother.today(), mother.today(), List.of("24640"), false))
                .containsKey(77_001L);
        assertThat(ledger.entriesFor(receipt.sourceRef()))
                .extracting(LedgerEntry::id)
                .containsExactly(receipt.id());
        assertThat(ledger.verify(campaign.id()).intact()).isTrue();
        assertThat(ledger.head(campaign.id()).headHash()).isEqualTo(delivery.hash());
        assertThat(ledger.head(campaign.id()).count()).isEqualTo(3);
    }

    @Test
    void deliveriesTakeAllocationsAndGiftsFirstInFirstOut() {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 20, 100_000);
        LedgerEntry first = mother.receipt(campaign, 300_000, "first");
        LedgerEntry second = mother.receipt(campaign, 500_000, "second");
        mother.allocateToNeed(campaign, need, 400_000);
        mother.allocateToNeed(campaign, need, 200_000);
        mother.deliverFromNeed(campaign, need, 450_000, 9);

        // the first allocation took all of the first gift and 100,000 of the second
        assertThat(ledger.whereWent(first.id())).singleElement().satisfies(d -> {
            assertThat(d.allocated()).isEqualTo(Vnd.of(300_000));
            assertThat(d.delivered()).isEqualTo(Vnd.of(300_000));
        });
        // the second gift: 100,000 in the first allocation (delivered), 200,000 in the second (50,000 delivered)
        assertThat(ledger.whereWent(second.id()))
                .extracting(d -> d.allocated().dong() + "/" + d.delivered().dong())
                .containsExactly("100000/100000", "200000/50000");
        Map<Long, Vnd> delivered = ledger.valueByDonor(null, null, List.of("24640"), true);
        assertThat(delivered).containsKey(77_001L);
    }

    @Test
    void rejectsAllocationAboveReceivedAndWritesNothing() {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        mother.receipt(campaign, 100_000, null);

        assertThatThrownBy(() -> mother.allocateToNeed(campaign, need, 150_000))
                .isInstanceOfSatisfying(LedgerRuleBroken.class, e -> {
                    assertThat(e.rule()).isEqualTo("allocatedAtMostReceived");
                    assertThat(e.messageKey()).isEqualTo("ledger.error.allocationExceedsPool");
                    assertThat(e.arguments()).containsExactly("100.000 ₫", "150.000 ₫");
                });
        assertThat(entries(campaign)).isEqualTo(1);
        assertThat(mother.need(need.id()).funded()).isEqualTo(Vnd.ZERO);
        assertThat(balance(campaign, "POOL:24640")).isEqualTo(100_000);
        assertThat(ledger.totals(campaign.id()).allocated()).isEqualTo(Vnd.ZERO);
    }

    @Test
    void rejectsDeliveryAboveAllocated() {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        mother.receipt(campaign, 500_000, null);
        mother.allocateToNeed(campaign, need, 200_000);

        assertThatThrownBy(() -> mother.deliverFromNeed(campaign, need, 200_001, 3))
                .isInstanceOfSatisfying(
                        LedgerRuleBroken.class, e -> assertThat(e.rule()).isEqualTo("deliveredAtMostAllocated"));
        assertThat(entries(campaign)).isEqualTo(2);
        mother.deliverFromNeed(campaign, need, 200_000, 3);
        assertThat(ledger.deliveredFromNeed(need.id().value())).isEqualTo(Vnd.of(200_000));
    }

    @Test
    void theDatabaseItselfRefusesAnEntryThatWouldOverdrawAPool() {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 100_000, null);

        assertThatThrownBy(() -> jdbc.sql("""
                                insert into ledger_entry (campaign_id, sequence, kind, entry_date, amount_dong, from_account,
                                    to_account, commune_code, previous_hash, hash, created_by)
                                values (:c, 2, 'ALLOCATION', current_date, 100001, 'POOL:24640', 'COMMUNE:24640', '24640',
                                    repeat('0', 64), repeat('0', 64), 'direct-sql')""").param("c", campaign.id().value()).update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("ledger_balance_amount_not_negative");
        assertThat(entries(campaign)).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("update ledger_entry set amount_dong = 1 where campaign_id = :c")
                        .param("c", campaign.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
    }

    @Test
    void keepsGoodsInKindWithinWhatWasReceivedAndAllocated() {
        Campaign campaign = mother.campaign("24640");
        LedgerEntry rice = ledger.postReceipt(new ReceiptPosting(
                campaign.id(),
                "24640",
                mother.today(),
                Vnd.of(2_000_000),
                new Item("Gạo", "kg", 100),
                77_002L,
                "",
                "gao cho cac chau",
                null));
        assertThat(rice.donorPublicName()).isEqualTo("Ẩn danh");
        Destination commune = Destination.toCommune("24640", "DINH_DUONG");
        LedgerEntry allocated = ledger.allocate(new AllocationPosting(
                campaign.id(), null, commune, mother.today(), null, new Item("gạo", "KG", 60), null));
        assertThat(allocated.amount()).isEqualTo(Vnd.of(1_200_000));
        assertThat(allocated.toAccount()).isEqualTo("COMMUNE:24640:DINH_DUONG");

        assertThatThrownBy(() -> ledger.allocate(new AllocationPosting(
                        campaign.id(), null, commune, mother.today(), null, new Item("Gạo", "kg", 41), null)))
                .isInstanceOfSatisfying(LedgerRuleBroken.class, e -> {
                    assertThat(e.rule()).isEqualTo("allocatedQuantityAtMostReceived");
                    assertThat(e.arguments()).containsExactly("40", "41", "kg", "Gạo");
                });
        assertThatThrownBy(() -> ledger.deliver(new DeliveryPosting(
                        campaign.id(), commune, mother.today(), null, new Item("Gạo", "kg", 61), 30, null)))
                .isInstanceOfSatisfying(
                        LedgerRuleBroken.class,
                        e -> assertThat(e.rule()).isEqualTo("deliveredQuantityAtMostAllocated"));
        LedgerEntry delivered = ledger.deliver(
                new DeliveryPosting(campaign.id(), commune, mother.today(), null, new Item("Gạo", "kg", 45), 30, null));
        assertThat(delivered.amount()).isEqualTo(Vnd.of(900_000));
        assertThat(ledger.balances(campaign.id()))
                .filteredOn(b -> !b.isMoney())
                .extracting(
                        b -> b.account() + "=" + b.quantity() + "/" + b.amount().dong())
                .containsExactly(
                        "POOL:24640=40/800000",
                        "COMMUNE:24640:DINH_DUONG=15/300000",
                        "DELIVERED:COMMUNE:24640:DINH_DUONG=45/900000");
        assertThat(ledger.verify(campaign.id()).intact()).isTrue();
    }

    @Test
    void aReversalUndoesAnEntryWithAReasonOnceAndOnlyWhenNothingWasPassedOn() {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        LedgerEntry receipt = mother.receipt(campaign, 800_000, null);
        LedgerEntry allocation = mother.allocateToNeed(campaign, need, 300_000);
        assertThat(mother.need(need.id()).funded()).isEqualTo(Vnd.of(300_000));

        assertThatThrownBy(() -> ledger.reverse(receipt.id(), "nhập nhầm"))
                .isInstanceOfSatisfying(
                        LedgerRuleBroken.class, e -> assertThat(e.rule()).isEqualTo("reverseLaterEntriesFirst"));
        assertThatThrownBy(() -> ledger.reverse(allocation.id(), "  "))
                .isInstanceOfSatisfying(
                        LedgerRuleBroken.class, e -> assertThat(e.rule()).isEqualTo("reversalHasReason"));

        LedgerEntry reversal = ledger.reverse(allocation.id(), "Phân bổ nhầm nhu cầu");
        assertThat(reversal.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(reversal.reverses()).isEqualTo(allocation.id());
        assertThat(reversal.fromAccount()).isEqualTo(allocation.toAccount());
        assertThat(reversal.toAccount()).isEqualTo("POOL:24640");
        assertThat(reversal.amount()).isEqualTo(Vnd.of(300_000));
        assertThat(reversal.reason()).isEqualTo("Phân bổ nhầm nhu cầu");
        assertThat(mother.need(need.id()).funded()).isEqualTo(Vnd.ZERO);
        assertThat(mother.need(need.id()).status()).isEqualTo(NeedStatus.PUBLISHED);
        assertThat(ledger.allocatedToNeed(need.id().value())).isEqualTo(Vnd.ZERO);
        assertThat(ledger.totals(campaign.id()).unallocated()).isEqualTo(Vnd.of(800_000));
        assertThat(ledger.whereWent(receipt.id())).isEmpty();

        assertThatThrownBy(() -> ledger.reverse(allocation.id(), "lần nữa"))
                .isInstanceOfSatisfying(
                        LedgerRuleBroken.class, e -> assertThat(e.rule()).isEqualTo("reversedAtMostOnce"));
        assertThatThrownBy(() -> ledger.reverse(reversal.id(), "đảo lại"))
                .isInstanceOfSatisfying(
                        LedgerRuleBroken.class, e -> assertThat(e.rule()).isEqualTo("reversalsAreFinal"));

        // with the allocation undone, the gift itself can be reversed, and the pool is empty again
        ledger.reverse(receipt.id(), "Tiền chuyển nhầm, đã hoàn lại");
        assertThat(ledger.totals(campaign.id()).received()).isEqualTo(Vnd.ZERO);
        assertThat(balance(campaign, "POOL:24640")).isZero();
        assertThat(ledger.verify(campaign.id()).intact()).isTrue();
        assertThat(ledger.verify(campaign.id()).checked()).isEqualTo(4);
    }

    @Test
    void twoRacingAllocationsThatTogetherExceedThePoolCannotBothSucceed() throws Exception {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 1_000_000, null);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String category : List.of("DO_AM", "HOC_TAP")) {
                results.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        ledger.allocate(new AllocationPosting(
                                campaign.id(),
                                null,
                                Destination.toCommune("24640", category),
                                mother.today(),
                                Vnd.of(700_000),
                                null,
                                null));
                        return "posted";
                    } catch (LedgerRuleBroken e) {
                        return e.rule();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("posted", "allocatedAtMostReceived");
        } finally {
            threads.shutdownNow();
        }
        assertThat(entries(campaign)).isEqualTo(2);
        assertThat(balance(campaign, "POOL:24640")).isEqualTo(300_000);
        assertThat(ledger.verify(campaign.id()).intact()).isTrue();
    }

    @Test
    void theChainVerifiesAndAChangedAmountNamesTheBrokenEntry() {
        Campaign campaign = mother.campaign("24640");
        mother.receipt(campaign, 100_000, "mot");
        LedgerEntry second = mother.receipt(campaign, 200_000, "hai");
        mother.receipt(campaign, 300_000, "ba");
        ChainCheck intact = ledger.verify(campaign.id());
        assertThat(intact.intact()).isTrue();
        assertThat(intact.checked()).isEqualTo(3);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update ledger_entry set amount_dong = 2000000 where id = :id")
                    .param("id", second.id().value())
                    .update();
        });

        ChainCheck broken = ledger.verify(campaign.id());
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSequence()).isEqualTo(2);
        assertThat(broken.checked()).isEqualTo(1);
        assertThat(broken.problem()).contains("entry 2");
        // the append-only trigger is back for everyone else
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_entry where id = :id")
                        .param("id", second.id().value())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(Set.of(ledger.head(campaign.id()).count())).containsExactly(3L);
    }
}
