package vn.chungtay.publicportal.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.chungtay.ledger.LedgerEntryPosted;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * Marks kept public pages stale when a change they show commits. Every change is published as an
 * {@link AuditedChange} inside its transaction; the tags it touches are gathered per transaction
 * and stamped once, after the commit (nothing on a rollback; at once outside a transaction).
 *
 * <p>What a change touches, by the module that published it: a ledger posting its campaign's pages
 * (and, the first time this instance sees the campaign, every ledger page: the list of campaigns
 * may have grown); other ledger changes and campaign changes every ledger page; needs, children
 * (the anonymous mention follows consent) and privacy the needs pages; support categories and
 * units everything; modules that no public page shows (donations, donors, deliveries — whose
 * postings and need changes come as ledger and need events —, accounts, audit, mail, outreach,
 * supervision, reports, commendations) nothing. Reads are not changes. An unknown module marks
 * everything. Changes made behind the application's back (SQL, another instance) show after the
 * time to live ({@code chungtay.public-cache.ttl}).
 *
 * <p>A plain listener with a transaction synchronisation rather than a
 * {@code @TransactionalEventListener}: Spring Modulith would store an event publication for every
 * posting for the latter, a write on the posting path for a cache.
 */
@Component
class PublicPageInvalidation {

    static final String ALL = "all";
    static final String NEEDS = "needs";
    static final String LEDGER = "ledger";
    static final String ANY_POSTING = "ledger-posting";

    private static final Set<String> UNSEEN_MODULES = Set.of(
            "donation",
            "donor",
            "donorportal",
            "delivery",
            "identity",
            "audit",
            "notification",
            "outreach",
            "supervision",
            "reporting",
            "reportingmail",
            "commendation");

    private static final String CAMPAIGN_PREFIX = "ledger:";

    /** Actions that change nothing a page shows. */
    private static final Set<String> NOT_CHANGES = Set.of("READ", "READ_DENIED", "EXPORT");

    static String ledger(long campaignId) {
        return CAMPAIGN_PREFIX + campaignId;
    }

    private final PublicPageCache cache;
    private final Set<String> campaignsSeen = ConcurrentHashMap.newKeySet();

    PublicPageInvalidation(PublicPageCache cache) {
        this.cache = cache;
    }

    @EventListener
    void on(AuditedChange change) {
        Set<String> tags = touched(change);
        if (tags.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            stamp(tags);
            return;
        }
        AfterCommit pending = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof AfterCommit mine) {
                pending = mine;
            }
        }
        if (pending == null) {
            pending = new AfterCommit();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.tags.addAll(tags);
    }

    /** The tags of the pages a change may show on. */
    static Set<String> touched(AuditedChange change) {
        if (NOT_CHANGES.contains(change.action())) {
            return Set.of();
        }
        String module = moduleOf(change.getClass());
        if ("need".equals(module)) {
            return "SupportCategory".equals(change.entityType()) ? Set.of(ALL) : Set.of(NEEDS);
        }
        if ("ledger".equals(module)) {
            if (change instanceof LedgerEntryPosted posted) {
                return Set.of(ledger(posted.campaignId().value()), ANY_POSTING);
            }
            return Set.of(LEDGER);
        }
        if ("campaign".equals(module)) {
            return Set.of(LEDGER);
        }
        if ("child".equals(module) || "privacy".equals(module)) {
            return Set.of(NEEDS);
        }
        if (UNSEEN_MODULES.contains(module)) {
            return Set.of();
        }
        return Set.of(ALL);
    }

    /**
     * Stamps the tags; a posting to a campaign this instance has not seen a posting to yet stamps
     * every ledger page (their list of campaigns may have grown).
     */
    private void stamp(Set<String> tags) {
        Set<String> all = new LinkedHashSet<>(tags);
        for (String tag : tags) {
            if (tag.startsWith(CAMPAIGN_PREFIX) && campaignsSeen.add(tag)) {
                all.add(LEDGER);
            }
        }
        cache.changed(all);
    }

    private static String moduleOf(Class<?> type) {
        String name = type.getPackageName();
        String root = "vn.chungtay.";
        if (!name.startsWith(root)) {
            return "";
        }
        int dot = name.indexOf('.', root.length());
        return dot < 0 ? name.substring(root.length()) : name.substring(root.length(), dot);
    }

    /** The tags a transaction touched, stamped once it has committed. */
    private final class AfterCommit implements TransactionSynchronization {
        final Set<String> tags = new LinkedHashSet<>();

        @Override
        public void afterCommit() {
            stamp(tags);
        }
    }
}
