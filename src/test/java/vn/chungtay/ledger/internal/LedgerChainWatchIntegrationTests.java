package vn.chungtay.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.ledger.ChainCheck;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;

@IntegrationTest
class LedgerChainWatchIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailOutbox outbox;

    @Autowired
    MessageSource messages;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Test
    void aBrokenChainIsAlertedOnceByMailAndItsHeadIsNotPublished() {
        var today = organisation.today();
        Campaign campaign = campaigns.create(new CampaignForm(
                "Chiến dịch cảnh báo " + UUID.randomUUID(),
                "24640",
                today.minusDays(1),
                today.plusDays(1),
                0L,
                null,
                java.util.List.of(),
                java.util.List.of()));
        LedgerEntry entry = ledger.postReceipt(
                new ReceiptPosting(campaign.id(), "24640", today, Vnd.of(100_000), null, 3L, "An", "ung ho", null));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update ledger_entry set donor_public_name = 'Bình' where id = :id")
                    .param("id", entry.id().value())
                    .update();
        });
        String recipient = "ledger-ops-" + UUID.randomUUID() + "@example.org";
        LedgerChainWatch watch = new LedgerChainWatch(ledger, queries, jdbc, outbox, messages, transactions, recipient);

        ChainCheck first = watch.check(campaign.id());
        ChainCheck again = watch.check(campaign.id());

        assertThat(first.firstBrokenSequence()).isEqualTo(1L);
        assertThat(again.firstBrokenSequence()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from ledger_alert where campaign_id = :c")
                        .param("c", campaign.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select subject from mail_outbox where recipient = :r")
                        .param("r", recipient)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "[ChungTay] Sổ cái chiến dịch CT" + campaign.id().value() + " bị thay đổi ở bút toán số 1");
        assertThat(ledger.headHistory(campaign.id())).isEmpty();
    }
}
