package vn.chungtay.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class ReceiptNumberingIntegrationTests {

    private static final int THREADS = 8;
    private static final int GIFTS_PER_THREAD = 25;

    @Autowired
    DonationManagement donations;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** Thrown after a gift was written, to roll its transaction back. */
    static final class LaterFailure extends RuntimeException {}

    @Test
    void concurrentGiftsGetEveryNumberOnceWithoutGapsAndFailedGiftsGiveTheirNumberBack() throws Exception {
        // Đắk Wil (24646) receives no demo gifts; last year's numbers are this test's alone
        LocalDate today = organisation.today();
        LocalDate day = LocalDate.of(today.getYear() - 1, 12, 31);
        Campaign campaign = DonationMother.campaign(campaigns, "24646", day.minusDays(5), today);
        int before = lastNumber("24646", day.getYear());
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> numbers = new ConcurrentLinkedQueue<>();
        List<Future<Integer>> failures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            failures.add(pool.submit(() -> {
                start.await();
                int failed = 0;
                for (int g = 0; g < GIFTS_PER_THREAD + 5; g++) {
                    boolean fail = g % 6 == 5; // 5 of 30 per thread fail after their number was taken
                    GiftForm form = DonationMother.cash(
                            campaign.id().value(), "Song Song " + thread + "-" + g, 10_000 + g, day);
                    try {
                        CurrentActor.runAs(
                                Actor.SYSTEM,
                                () -> transaction.executeWithoutResult(status -> {
                                    GiftView gift = donations.record(form);
                                    if (fail) {
                                        throw new LaterFailure();
                                    }
                                    numbers.add(gift.receiptSequence());
                                }));
                    } catch (LaterFailure e) {
                        failed++;
                    }
                }
                return failed;
            }));
        }
        start.countDown();
        int failedTotal = 0;
        for (Future<Integer> f : failures) {
            failedTotal += f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(failedTotal).isEqualTo(THREADS * 5);
        assertThat(numbers).hasSize(THREADS * GIFTS_PER_THREAD);
        assertThat(numbers.stream().mapToLong(Integer::longValue).sorted().toArray())
                .containsExactly(LongStream.rangeClosed(before + 1, before + THREADS * GIFTS_PER_THREAD)
                        .toArray());
        assertThat(lastNumber("24646", day.getYear())).isEqualTo(before + THREADS * GIFTS_PER_THREAD);
        assertThat(jdbc.sql("select count(*) from donation where campaign_id = ?")
                        .param(campaign.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(THREADS * GIFTS_PER_THREAD);
    }

    private int lastNumber(String unit, int year) {
        return jdbc.sql("select last_number from receipt_counter where unit_code = ? and year = ?")
                .params(unit, year)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }
}
