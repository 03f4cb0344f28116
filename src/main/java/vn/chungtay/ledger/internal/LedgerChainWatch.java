package vn.chungtay.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.ledger.ChainCheck;
import vn.chungtay.ledger.ChainHead;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.notification.OutgoingMail;

/**
 * Once a day (and on demand): recomputes every campaign's chain; publishes the head of each intact
 * chain into the history (the first instance wins: unique per campaign and day); for a broken one,
 * stores an alert, logs an ERROR naming the campaign and the entry, and e-mails
 * {@code chungtay.ledger.alert-to} when set (once per alert, through the outbox).
 */
@Component
public class LedgerChainWatch {

    private static final Logger log = LoggerFactory.getLogger(LedgerChainWatch.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Ledger ledger;
    private final LedgerQueries queries;
    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final String alertTo;

    LedgerChainWatch(
            Ledger ledger,
            LedgerQueries queries,
            JdbcClient jdbc,
            MailOutbox outbox,
            MessageSource messages,
            PlatformTransactionManager transactions,
            @Value("${chungtay.ledger.alert-to:}") String alertTo) {
        this.ledger = ledger;
        this.queries = queries;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.alertTo = alertTo == null ? "" : alertTo.strip();
    }

    @Scheduled(
            cron = "${chungtay.ledger.daily-check.cron:0 10 0 * * *}",
            zone = "${chungtay.ledger.daily-check.zone:Asia/Ho_Chi_Minh}")
    void daily() {
        List<ChainCheck> broken = checkAll();
        log.info(
                "Ledger check: {} campaigns, {} broken",
                queries.campaignsWithEntries().size(),
                broken.size());
    }

    /** Checks every chain, publishes the heads of the intact ones; returns the broken ones. */
    public List<ChainCheck> checkAll() {
        List<ChainCheck> broken = new ArrayList<>();
        for (Long campaignId : queries.campaignsWithEntries()) {
            ChainCheck check = check(new CampaignId(campaignId));
            if (!check.intact()) {
                broken.add(check);
            }
        }
        return broken;
    }

    /** Checks one chain: publishes today's head when intact, raises the alert when not. */
    public ChainCheck check(CampaignId campaign) {
        ChainCheck check = ledger.verify(campaign);
        if (check.intact()) {
            publish(ledger.head(campaign));
        } else {
            alert(check);
        }
        return check;
    }

    /** Stores the head as the day's published head unless that day already has one; true when stored. */
    public boolean publish(ChainHead head) {
        if (head.count() == 0) {
            return false;
        }
        return jdbc.sql("""
                        insert into ledger_head (campaign_id, head_date, entry_count, head_hash)
                        values (:campaign, :date, :count, :hash) on conflict (campaign_id, head_date) do nothing""")
                        .param("campaign", head.campaignId())
                        .param("date", head.date())
                        .param("count", head.count())
                        .param("hash", head.headHash())
                        .update()
                > 0;
    }

    private void alert(ChainCheck check) {
        log.error(
                "Ledger chain of campaign {} is broken at sequence {}: {}",
                check.campaignId(),
                check.firstBrokenSequence(),
                check.problem());
        transaction.executeWithoutResult(status -> {
            boolean added = jdbc.sql("""
                                    insert into ledger_alert (campaign_id, sequence, problem) values (:campaign, :sequence, :problem)
                                    on conflict (campaign_id, sequence, problem) do nothing""")
                            .param("campaign", check.campaignId())
                            .param("sequence", check.firstBrokenSequence())
                            .param("problem", check.problem())
                            .update()
                    > 0;
            if (added && !alertTo.isEmpty()) {
                Object[] arguments = {
                    "CT" + check.campaignId(), Long.toString(check.firstBrokenSequence()), check.problem()
                };
                String subject = messages.getMessage("ledger.alert.mail.subject", arguments, VIETNAMESE);
                String text = messages.getMessage("ledger.alert.mail.body", arguments, VIETNAMESE);
                outbox.enqueue(new OutgoingMail(alertTo, subject, "<p>" + HtmlUtils.htmlEscape(text) + "</p>", text));
            }
        });
    }
}
