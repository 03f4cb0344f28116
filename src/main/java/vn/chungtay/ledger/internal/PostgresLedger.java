package vn.chungtay.ledger.internal;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.ledger.AllocationPosting;
import vn.chungtay.ledger.CampaignTotals;
import vn.chungtay.ledger.ChainCheck;
import vn.chungtay.ledger.ChainHead;
import vn.chungtay.ledger.DeliveryPosting;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.EntryKind;
import vn.chungtay.ledger.GiftDestination;
import vn.chungtay.ledger.Item;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerBalance;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerEntryId;
import vn.chungtay.ledger.LedgerEntryNotFound;
import vn.chungtay.ledger.LedgerEntryPosted;
import vn.chungtay.ledger.LedgerHashing;
import vn.chungtay.ledger.LedgerReceiptsPosted;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.ledger.MessageMasking;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.ledger.ReceiptRejected;
import vn.chungtay.ledger.TransferPosting;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.text.VietnameseText;

/**
 * The ledger on PostgreSQL. A posting locks its campaign's chain row ({@code FOR UPDATE}), checks
 * the balance it takes from, takes the source account's lots first in, first out, appends the entry
 * with its hash, moves the lots and records the trace. The balance trigger and its checks in the
 * database are the last word: a posting that would take a balance below zero fails there too, and
 * is answered as {@link LedgerRuleBroken}.
 */
@Service
@Transactional(readOnly = true)
class PostgresLedger implements Ledger {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PostgresLedger.class);
    static final String ANONYMOUS = "Ẩn danh";
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    static final long MAX_QUANTITY = 1_000_000_000_000L;
    private static final int LOT_PAGE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CampaignManagement campaigns;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;

    PostgresLedger(
            JdbcClient jdbc,
            JdbcTemplate template,
            CampaignManagement campaigns,
            NeedManagement needs,
            OrganisationManagement organisation,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.campaigns = campaigns;
        this.needs = needs;
        this.organisation = organisation;
        this.events = events;
    }

    // ---- posting ---------------------------------------------------------------------------

    @Override
    @Transactional
    public LedgerEntry postReceipt(ReceiptPosting posting) {
        Draft draft = receiptDraft(posting, new ReceiptChecks());
        Chain chain = lockChain(draft.campaignId());
        Stored entry = insert(draft, chain);
        long quantity = quantity(draft.item());
        addToLot(entry.campaignId(), entry.toAccount(), itemKey(draft.item()), entry, entry, draft.amount(), quantity);
        trace(entry.id(), entry.id(), null, entry.id(), draft.amount(), quantity);
        return posted(entry, draft.place().scopeUnit());
    }

    /**
     * The batch path: checks every posting first (campaigns, units and scope looked up once each),
     * locks each campaign's chain once (lowest campaign first, so two batches never wait on each
     * other in a circle), hashes the entries in sequence in Java exactly as {@link #insert} does,
     * and writes entries, lots and traces with one COPY each. The balance trigger and the table's
     * checks run for every row as for a single posting.
     */
    @Override
    @Transactional
    public List<LedgerEntry> postReceipts(List<ReceiptPosting> postings) {
        int n = postings.size();
        if (n == 0) {
            return List.of();
        }
        long started = System.nanoTime();
        ReceiptChecks checks = new ReceiptChecks();
        List<Draft> drafts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                drafts.add(receiptDraft(postings.get(i), checks));
            } catch (LedgerRuleBroken e) {
                throw new ReceiptRejected(i, e);
            }
        }
        Map<Long, Chain> chains = new java.util.TreeMap<>();
        drafts.forEach(d -> chains.put(d.campaignId(), null));
        chains.replaceAll((campaign, none) -> lockChain(campaign));
        // ids taken after the locks: within a campaign they grow with the sequence, as for single postings
        long[] ids = template.query(
                "select nextval('ledger_entry_id_seq') from generate_series(1, ?)",
                rs -> {
                    long[] values = new long[n];
                    int i = 0;
                    while (rs.next()) {
                        values[i++] = rs.getLong(1);
                    }
                    return values;
                },
                n);
        java.util.Arrays.sort(ids);
        String by = limited(CurrentActor.orSystem().username(), 60);
        List<Stored> entries = new ArrayList<>(n);
        long[] phases = new long[4];
        phases[0] = System.nanoTime();
        try {
            template.execute((ConnectionCallback<Void>) connection -> {
                try (BatchCopy.Writer copy = new BatchCopy.Writer(connection, BatchCopy.ENTRY_COPY)) {
                    for (int i = 0; i < n; i++) {
                        Draft d = drafts.get(i);
                        Stored entry = hashed(d, ids[i], chains.get(d.campaignId()));
                        chains.put(d.campaignId(), new Chain(d.campaignId(), entry.sequence(), entry.hash()));
                        entries.add(entry);
                        copy.entry(entry, folded(d), d.referenceKeys(), by);
                    }
                    copy.end();
                }
                phases[1] = System.nanoTime();
                // each receipt is a new lot of the pool (via = receipt = the entry) and traces itself there
                try (BatchCopy.Writer copy = new BatchCopy.Writer(connection, BatchCopy.LOT_COPY)) {
                    for (Stored e : entries) {
                        copy.row(
                                e.campaignId(),
                                e.toAccount(),
                                e.itemKey(),
                                e.id(),
                                e.id(),
                                e.sequence(),
                                e.sequence(),
                                e.amount(),
                                quantity(e.item()));
                    }
                    copy.end();
                }
                phases[2] = System.nanoTime();
                try (BatchCopy.Writer copy = new BatchCopy.Writer(connection, BatchCopy.TRACE_COPY)) {
                    for (Stored e : entries) {
                        copy.row(e.id(), e.id(), null, e.id(), e.amount(), quantity(e.item()));
                    }
                    copy.end();
                }
                phases[3] = System.nanoTime();
                return null;
            });
        } catch (DataAccessException e) {
            throw translated(e, drafts.get(0));
        }
        chains.forEach((campaign, chain) -> jdbc.sql(
                        "update ledger_chain set entry_count = :count, head_hash = :hash where campaign_id = :campaign")
                .param("count", chain.count())
                .param("hash", chain.headHash())
                .param("campaign", campaign)
                .update());
        Map<Long, List<Stored>> byCampaign = new LinkedHashMap<>();
        for (Stored entry : entries) {
            byCampaign
                    .computeIfAbsent(entry.campaignId(), c -> new ArrayList<>())
                    .add(entry);
        }
        byCampaign.forEach((campaign, posted) -> {
            Stored first = posted.get(0);
            Stored last = posted.get(posted.size() - 1);
            events.publishEvent(new LedgerReceiptsPosted(
                    new CampaignId(campaign),
                    first.toAccount().substring("POOL:".length()),
                    new LedgerEntryId(first.id()),
                    new LedgerEntryId(last.id()),
                    first.sequence(),
                    last.sequence(),
                    posted.size(),
                    posted.stream().mapToLong(Stored::amount).sum()));
        });
        if (n >= 1000) {
            log.info(
                    "{} receipts posted in {} ms: checks and locks {} ms, entries {} ms, lots {} ms, traces {} ms",
                    n,
                    (System.nanoTime() - started) / 1_000_000,
                    (phases[0] - started) / 1_000_000,
                    (phases[1] - phases[0]) / 1_000_000,
                    (phases[2] - phases[1]) / 1_000_000,
                    (phases[3] - phases[2]) / 1_000_000);
        }
        return entries.stream().map(Stored::view).toList();
    }

    /** What one receipt posting asks, checked: the rules in the order the single path always checked them. */
    private Draft receiptDraft(ReceiptPosting posting, ReceiptChecks checks) {
        Campaign campaign = checks.campaign(posting.campaignId());
        String unit = checks.unit(posting.receivingUnitCode());
        checks.requireManageable(unit);
        LocalDate date = checks.date(posting.date());
        Item item = posting.item();
        long amount = item == null ? money(posting.amount()) : value(posting.amount());
        quantity(item);
        if (posting.donorId() <= 0) {
            throw new LedgerRuleBroken("receiptNamesDonor", "ledger.error.donorRequired");
        }
        return new Draft(
                campaign.id().value(),
                EntryKind.RECEIPT,
                date,
                amount,
                item,
                "DONOR:" + posting.donorId(),
                "POOL:" + unit,
                new Place(null, null, null, null, null, unit),
                posting.donorId(),
                publicName(posting.donorPublicName()),
                publicText(posting.message(), 2000),
                0,
                null,
                null,
                null,
                limited(posting.sourceRef(), 100),
                ReferenceKeys.of(posting.message()));
    }

    /** The lookups behind a receipt's checks, each made once per batch (a single posting makes each once anyway). */
    private final class ReceiptChecks {
        private final Map<CampaignId, Campaign> campaigns = new HashMap<>();
        private final Map<String, String> units = new HashMap<>();
        private final java.util.Set<String> manageable = new java.util.HashSet<>();
        private final Actor actor = CurrentActor.orSystem();
        private LocalDate today;

        Campaign campaign(CampaignId id) {
            Campaign known = id == null ? null : campaigns.get(id);
            if (known == null) {
                known = PostgresLedger.this.campaign(id);
                campaigns.put(id, known);
            }
            return known;
        }

        String unit(String code) {
            String known = code == null ? null : units.get(code);
            if (known == null) {
                known = unitCode(code, "receivingUnitCode");
                units.put(code, known);
            }
            return known;
        }

        void requireManageable(String unit) {
            if (manageable.add(unit)) {
                try {
                    organisation.requireManageable(actor, unit);
                } catch (RuntimeException e) {
                    manageable.remove(unit);
                    throw e;
                }
            }
        }

        LocalDate date(LocalDate date) {
            if (date == null) {
                throw new LedgerRuleBroken("postingHasDate", "ledger.error.dateRequired");
            }
            if (today == null) {
                today = organisation.today();
            }
            if (date.isAfter(today)) {
                throw new LedgerRuleBroken("dateNotInFuture", "ledger.error.dateInFuture");
            }
            return date;
        }
    }

    @Override
    @Transactional
    public LedgerEntry allocate(AllocationPosting posting) {
        Campaign campaign = campaign(posting.campaignId());
        String fromUnit =
                blank(posting.fromUnitCode()) ? campaign.unitCode() : unitCode(posting.fromUnitCode(), "fromUnitCode");
        Place place = place(campaign, posting.to());
        Actor actor = CurrentActor.orSystem();
        organisation.requireManageable(actor, fromUnit);
        organisation.requireManageable(actor, place.scopeUnit());
        LocalDate date = date(posting.date());
        Item item = posting.item();
        Long amount = item == null ? money(posting.amount()) : null;
        if (place.needId() != null) {
            NeedView need = needs.lookup(new NeedId(place.needId())).orElseThrow();
            if (need.status() != NeedStatus.PUBLISHED && need.status() != NeedStatus.PARTLY_FUNDED) {
                throw new LedgerRuleBroken(
                        "allocateOnlyToOpenNeeds",
                        "ledger.error.needNotOpen",
                        place.needId().toString());
            }
        }
        Stored entry = move(
                campaign.id().value(),
                EntryKind.ALLOCATION,
                date,
                amount,
                item,
                "POOL:" + fromUnit,
                place.account(),
                place,
                0,
                publicText(posting.note(), 2000),
                null);
        if (place.needId() != null && entry.amount() > 0) {
            needs.recordFunding(new NeedId(place.needId()), Vnd.of(entry.amount()));
        }
        return posted(entry, place.scopeUnit());
    }

    @Override
    @Transactional
    public LedgerEntry transfer(TransferPosting posting) {
        Campaign campaign = campaign(posting.campaignId());
        String fromUnit = unitCode(posting.fromUnitCode(), "fromUnitCode");
        String toUnit = unitCode(posting.toUnitCode(), "toUnitCode");
        if (fromUnit.equals(toUnit)) {
            throw new LedgerRuleBroken("transferBetweenTwoUnits", "ledger.error.sameUnit");
        }
        organisation.requireManageable(CurrentActor.orSystem(), fromUnit);
        LocalDate date = date(posting.date());
        Item item = posting.item();
        Long amount = item == null ? money(posting.amount()) : null;
        Stored entry = move(
                campaign.id().value(),
                EntryKind.TRANSFER,
                date,
                amount,
                item,
                "POOL:" + fromUnit,
                "POOL:" + toUnit,
                new Place(null, null, null, null, null, toUnit),
                0,
                publicText(posting.note(), 2000),
                null);
        return posted(entry, toUnit);
    }

    @Override
    @Transactional
    public LedgerEntry deliver(DeliveryPosting posting) {
        Campaign campaign = campaign(posting.campaignId());
        if (posting.from() == null) {
            throw new LedgerRuleBroken("deliveryNamesAllocation", "ledger.error.destinationRequired");
        }
        Place place = place(campaign, posting.from());
        organisation.requireManageable(CurrentActor.orSystem(), place.scopeUnit());
        LocalDate date = date(posting.date());
        if (posting.childrenCount() < 0 || posting.childrenCount() > 1_000_000) {
            throw new LedgerRuleBroken("childrenCountInRange", "ledger.error.childrenCount");
        }
        Item item = posting.item();
        Long amount = item == null ? money(posting.amount()) : null;
        Stored entry = move(
                campaign.id().value(),
                EntryKind.DELIVERY,
                date,
                amount,
                item,
                place.account(),
                "DELIVERED:" + place.account(),
                place,
                posting.childrenCount(),
                null,
                limited(posting.sourceRef(), 100));
        return posted(entry, place.scopeUnit());
    }

    @Override
    @Transactional
    public LedgerEntry reverse(LedgerEntryId id, String reason) {
        String why = publicText(reason, 500);
        if (why == null || why.isEmpty()) {
            throw new LedgerRuleBroken("reversalHasReason", "ledger.error.reasonRequired");
        }
        Stored original = stored(id).orElseThrow(() -> new LedgerEntryNotFound(id));
        organisation.requireManageable(CurrentActor.orSystem(), unitOfEntry(original));
        Chain chain = lockChain(original.campaignId());
        if (original.kind() == EntryKind.REVERSAL) {
            throw new LedgerRuleBroken(
                    "reversalsAreFinal", "ledger.error.reversalIsFinal", Long.toString(original.sequence()));
        }
        if (reversalOf(original.id()).isPresent()) {
            throw new LedgerRuleBroken(
                    "reversedAtMostOnce", "ledger.error.alreadyReversed", Long.toString(original.sequence()));
        }
        List<TraceRow> traces = traces(original.id());
        String key = original.itemKey();
        for (TraceRow t : traces) {
            Lot lot = lot(original.campaignId(), original.toAccount(), key, original.id(), t.receiptId());
            if (lot == null || lot.amount() < t.amount() || lot.quantity() < t.quantity()) {
                throw new LedgerRuleBroken(
                        "reverseLaterEntriesFirst",
                        "ledger.error.reverseLaterFirst",
                        Long.toString(original.sequence()));
            }
        }
        if (original.kind() == EntryKind.ALLOCATION && original.needId() != null && original.amount() > 0) {
            NeedView need = needs.lookup(new NeedId(original.needId())).orElseThrow();
            if (need.status() != NeedStatus.PARTLY_FUNDED && need.status() != NeedStatus.FUNDED) {
                throw new LedgerRuleBroken(
                        "reverseOnlyUndeliveredNeedFunding",
                        "ledger.error.needAlreadyDelivered",
                        original.needId().toString());
            }
        }
        Draft draft = new Draft(
                original.campaignId(),
                EntryKind.REVERSAL,
                organisation.today(),
                original.amount(),
                original.item(),
                original.toAccount(),
                original.fromAccount(),
                new Place(
                        null,
                        original.communeCode(),
                        original.villageCode(),
                        original.categoryCode(),
                        original.needId(),
                        unitOfEntry(original)),
                original.donorId(),
                original.donorPublicName(),
                null,
                original.childrenCount(),
                original.id(),
                original.sequence(),
                why,
                original.sourceRef(),
                List.of());
        Stored reversal = insert(draft, chain);
        boolean external = original.fromAccount().startsWith("DONOR:");
        for (TraceRow t : traces) {
            Lot taken = new Lot(original.id(), original.sequence(), t.receiptId(), t.receiptSequence(), 0, 0);
            takeFromLot(original.campaignId(), original.toAccount(), key, taken, t.amount(), t.quantity());
            if (!external) {
                Lot back = new Lot(t.fromViaId(), t.fromViaSequence(), t.receiptId(), t.receiptSequence(), 0, 0);
                addToLot(original.campaignId(), original.fromAccount(), key, back, t.amount(), t.quantity());
            }
            trace(
                    reversal.id(),
                    t.receiptId(),
                    original.id(),
                    external ? null : t.fromViaId(),
                    t.amount(),
                    t.quantity());
        }
        if (original.kind() == EntryKind.ALLOCATION && original.needId() != null && original.amount() > 0) {
            needs.withdrawFunding(new NeedId(original.needId()), Vnd.of(original.amount()));
        }
        return posted(reversal, unitOfEntry(original));
    }

    /** Allocation, transfer or delivery: takes lots from the source account, FIFO. */
    private Stored move(
            long campaignId,
            EntryKind kind,
            LocalDate date,
            Long amount,
            Item item,
            String from,
            String to,
            Place place,
            int children,
            String message,
            String sourceRef) {
        Chain chain = lockChain(campaignId);
        String key = itemKey(item);
        long[] balance = balance(campaignId, from, key);
        if (item == null && balance[0] < amount) {
            throw exceeds(kind, false, balance[0], amount, null);
        }
        if (item != null && balance[1] < item.quantity()) {
            throw exceeds(kind, true, balance[1], item.quantity(), item);
        }
        List<Taken> takes = takeFifo(campaignId, from, key, item == null ? amount : 0, quantity(item));
        long value =
                item == null ? amount : takes.stream().mapToLong(Taken::amount).sum();
        Draft draft = new Draft(
                campaignId,
                kind,
                date,
                value,
                item,
                from,
                to,
                place,
                null,
                null,
                message,
                children,
                null,
                null,
                null,
                sourceRef,
                List.of());
        Stored entry = insert(draft, chain);
        for (Taken t : takes) {
            takeFromLot(campaignId, from, key, t.lot(), t.amount(), t.quantity());
            Lot arrived = new Lot(
                    entry.id(), entry.sequence(), t.lot().receiptId(), t.lot().receiptSequence(), 0, 0);
            addToLot(campaignId, to, key, arrived, t.amount(), t.quantity());
            trace(entry.id(), t.lot().receiptId(), t.lot().viaId(), entry.id(), t.amount(), t.quantity());
        }
        return entry;
    }

    private static LedgerRuleBroken exceeds(EntryKind kind, boolean goods, long available, long wanted, Item item) {
        if (goods) {
            return new LedgerRuleBroken(
                    ruleName(kind, true),
                    ruleKey(kind, true),
                    Long.toString(available),
                    Long.toString(wanted),
                    item.unit(),
                    item.name());
        }
        return new LedgerRuleBroken(
                ruleName(kind, false),
                ruleKey(kind, false),
                Vnd.of(available).formatted(),
                Vnd.of(wanted).formatted());
    }

    /** The invariant a posting of this kind breaks when its source account has too little. */
    static String ruleName(EntryKind kind, boolean goods) {
        String rule = switch (kind) {
            case ALLOCATION -> "allocatedAtMostReceived";
            case TRANSFER -> "transferredAtMostPoolBalance";
            case DELIVERY -> "deliveredAtMostAllocated";
            default -> "balanceNeverBelowZero";
        };
        return goods ? rule.replace("At", "QuantityAt") : rule;
    }

    static String ruleKey(EntryKind kind, boolean goods) {
        String key = switch (kind) {
            case ALLOCATION -> "ledger.error.allocationExceedsPool";
            case TRANSFER -> "ledger.error.transferExceedsPool";
            case DELIVERY -> "ledger.error.deliveryExceedsAllocated";
            default -> "ledger.error.balanceBelowZero";
        };
        return goods && kind != EntryKind.REVERSAL && kind != EntryKind.RECEIPT ? key + "Items" : key;
    }

    /** Lots of an account, oldest first, until the amount (money) or the quantity (goods) is covered. */
    private List<Taken> takeFifo(long campaignId, String account, String key, long amount, long quantity) {
        List<Taken> takes = new ArrayList<>();
        long stillAmount = amount;
        long stillQuantity = quantity;
        long afterVia = -1;
        long afterReceipt = -1;
        boolean goods = !key.isEmpty();
        while (goods ? stillQuantity > 0 : stillAmount > 0) {
            List<Lot> page = jdbc.sql("""
                            select via_id, via_sequence, receipt_id, receipt_sequence, amount_dong, quantity
                            from ledger_lot
                            where campaign_id = :campaign and account = :account and item_key = :key
                              and (amount_dong > 0 or quantity > 0)
                              and (via_sequence, receipt_sequence) > (:afterVia, :afterReceipt)
                            order by via_sequence, receipt_sequence
                            limit :limit""")
                    .param("campaign", campaignId)
                    .param("account", account)
                    .param("key", key)
                    .param("afterVia", afterVia)
                    .param("afterReceipt", afterReceipt)
                    .param("limit", LOT_PAGE)
                    .query((rs, n) -> new Lot(
                            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                    .list();
            if (page.isEmpty()) {
                throw new LedgerRuleBroken("balanceNeverBelowZero", "ledger.error.balanceBelowZero");
            }
            for (Lot lot : page) {
                afterVia = lot.viaSequence();
                afterReceipt = lot.receiptSequence();
                if (goods) {
                    if (lot.quantity() == 0) {
                        continue;
                    }
                    long take = Math.min(lot.quantity(), stillQuantity);
                    long value = take == lot.quantity()
                            ? lot.amount()
                            : BigInteger.valueOf(lot.amount())
                                    .multiply(BigInteger.valueOf(take))
                                    .divide(BigInteger.valueOf(lot.quantity()))
                                    .longValueExact();
                    takes.add(new Taken(lot, value, take));
                    stillQuantity -= take;
                    if (stillQuantity == 0) {
                        break;
                    }
                } else {
                    long take = Math.min(lot.amount(), stillAmount);
                    if (take > 0) {
                        takes.add(new Taken(lot, take, 0));
                        stillAmount -= take;
                    }
                    if (stillAmount == 0) {
                        break;
                    }
                }
            }
        }
        return takes;
    }

    private long[] balance(long campaignId, String account, String key) {
        return jdbc.sql("""
                        select amount_dong, quantity from ledger_balance
                        where campaign_id = :campaign and account = :account and item_key = :key""")
                .param("campaign", campaignId)
                .param("account", account)
                .param("key", key)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .orElse(new long[] {0, 0});
    }

    private Lot lot(long campaignId, String account, String key, long viaId, long receiptId) {
        return jdbc.sql("""
                        select via_id, via_sequence, receipt_id, receipt_sequence, amount_dong, quantity from ledger_lot
                        where campaign_id = :campaign and account = :account and item_key = :key
                          and via_id = :via and receipt_id = :receipt""")
                .param("campaign", campaignId)
                .param("account", account)
                .param("key", key)
                .param("via", viaId)
                .param("receipt", receiptId)
                .query((rs, n) -> new Lot(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .optional()
                .orElse(null);
    }

    private void addToLot(
            long campaignId, String account, String key, Stored via, Stored receipt, long amount, long qty) {
        addToLot(
                campaignId,
                account,
                key,
                new Lot(via.id(), via.sequence(), receipt.id(), receipt.sequence(), 0, 0),
                amount,
                qty);
    }

    private void takeFromLot(long campaignId, String account, String key, Lot lot, long amount, long quantity) {
        int updated = jdbc.sql("""
                        update ledger_lot set amount_dong = amount_dong - :amount, quantity = quantity - :quantity
                        where campaign_id = :campaign and account = :account and item_key = :key
                          and via_id = :via and receipt_id = :receipt""")
                .param("campaign", campaignId)
                .param("account", account)
                .param("key", key)
                .param("via", lot.viaId())
                .param("receipt", lot.receiptId())
                .param("amount", amount)
                .param("quantity", quantity)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("no lot " + lot + " in " + account);
        }
    }

    private void addToLot(long campaignId, String account, String key, Lot lot, long amount, long quantity) {
        jdbc.sql("""
                        insert into ledger_lot as l (campaign_id, account, item_key, via_id, receipt_id, via_sequence,
                                                     receipt_sequence, amount_dong, quantity)
                        values (:campaign, :account, :key, :via, :receipt, :viaSequence, :receiptSequence, :amount, :quantity)
                        on conflict (campaign_id, account, item_key, via_id, receipt_id) do update
                            set amount_dong = l.amount_dong + excluded.amount_dong,
                                quantity = l.quantity + excluded.quantity""")
                .param("campaign", campaignId)
                .param("account", account)
                .param("key", key)
                .param("via", lot.viaId())
                .param("receipt", lot.receiptId())
                .param("viaSequence", lot.viaSequence())
                .param("receiptSequence", lot.receiptSequence())
                .param("amount", amount)
                .param("quantity", quantity)
                .update();
    }

    private void trace(long entryId, long receiptId, Long fromVia, Long toVia, long amount, long quantity) {
        jdbc.sql("""
                        insert into ledger_trace (entry_id, receipt_id, from_via_id, to_via_id, amount_dong, quantity)
                        values (:entry, :receipt, :fromVia, :toVia, :amount, :quantity)""")
                .param("entry", entryId)
                .param("receipt", receiptId)
                .param("fromVia", fromVia)
                .param("toVia", toVia)
                .param("amount", amount)
                .param("quantity", quantity)
                .update();
    }

    private List<TraceRow> traces(long entryId) {
        return jdbc.sql("""
                        select t.receipt_id, r.sequence, t.from_via_id, v.sequence, sum(t.amount_dong), sum(t.quantity)
                        from ledger_trace t
                        join ledger_entry r on r.id = t.receipt_id
                        left join ledger_entry v on v.id = t.from_via_id
                        where t.entry_id = :entry
                        group by t.receipt_id, r.sequence, t.from_via_id, v.sequence
                        order by r.sequence""")
                .param("entry", entryId)
                .query((rs, n) -> new TraceRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        (Long) rs.getObject(3),
                        (Long) rs.getObject(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    private Chain lockChain(long campaignId) {
        jdbc.sql("insert into ledger_chain (campaign_id) values (:campaign) on conflict do nothing")
                .param("campaign", campaignId)
                .update();
        return jdbc.sql("select entry_count, head_hash from ledger_chain where campaign_id = :campaign for update")
                .param("campaign", campaignId)
                .query((rs, n) -> new Chain(campaignId, rs.getLong(1), rs.getString(2)))
                .single();
    }

    private Stored insert(Draft d, Chain chain) {
        Stored entry = hashed(d, 0, chain);
        Item item = d.item();
        long id;
        try {
            id = jdbc.sql("""
                            insert into ledger_entry (campaign_id, sequence, kind, entry_date, amount_dong, item_name, item_unit,
                                item_quantity, item_key, from_account, to_account, commune_code, village_code, category_code,
                                need_id, donor_id, donor_public_name, public_message, children_count, reverses_id,
                                reverses_sequence, reason, source_ref, search_folded, reference_keys, previous_hash, hash, created_by)
                            values (:campaign, :sequence, :kind, :date, :amount, :itemName, :itemUnit, :itemQuantity, :itemKey,
                                :from, :to, :commune, :village, :category, :need, :donor, :donorName, :message, :children,
                                :reverses, :reversesSequence, :reason, :sourceRef, :folded, :keys, :previous, :hash, :by)
                            returning id""")
                    .param("campaign", d.campaignId())
                    .param("sequence", entry.sequence())
                    .param("kind", d.kind().name())
                    .param("date", d.date())
                    .param("amount", d.amount())
                    .param("itemName", item == null ? null : item.name())
                    .param("itemUnit", item == null ? null : item.unit())
                    .param("itemQuantity", item == null ? null : item.quantity())
                    .param("itemKey", itemKey(item))
                    .param("from", d.from())
                    .param("to", d.to())
                    .param("commune", d.place().communeCode())
                    .param("village", d.place().villageCode())
                    .param("category", d.place().categoryCode())
                    .param("need", d.place().needId())
                    .param("donor", d.donorId())
                    .param("donorName", d.donorPublicName())
                    .param("message", d.message())
                    .param("children", d.children())
                    .param("reverses", d.reversesId())
                    .param("reversesSequence", d.reversesSequence())
                    .param("reason", d.reason())
                    .param("sourceRef", d.sourceRef())
                    .param("folded", folded(d))
                    .param("keys", d.referenceKeys().toArray(new String[0]))
                    .param("previous", chain.headHash())
                    .param("hash", entry.hash())
                    .param("by", limited(CurrentActor.orSystem().username(), 60))
                    .query(Long.class)
                    .single();
        } catch (DataAccessException e) {
            throw translated(e, d);
        }
        jdbc.sql("update ledger_chain set entry_count = :count, head_hash = :hash where campaign_id = :campaign")
                .param("count", entry.sequence())
                .param("hash", entry.hash())
                .param("campaign", d.campaignId())
                .update();
        return entry.withId(id);
    }

    /** The entry a draft becomes as the next one of the chain: its sequence, the previous hash and its own hash. */
    static Stored hashed(Draft d, long id, Chain chain) {
        long sequence = chain.count() + 1;
        Item item = d.item();
        List<String> fields = LedgerHashing.publicFields(
                d.campaignId(),
                sequence,
                d.kind().name(),
                d.date(),
                d.amount(),
                item == null ? null : item.name(),
                item == null ? null : item.unit(),
                item == null ? null : item.quantity(),
                d.from(),
                d.to(),
                d.place().communeCode(),
                d.place().villageCode(),
                d.place().categoryCode(),
                d.place().needId(),
                d.donorPublicName(),
                d.message(),
                d.children(),
                d.reversesSequence(),
                d.reason());
        String hash = LedgerHashing.hash(fields, chain.headHash());
        return new Stored(
                id,
                d.campaignId(),
                sequence,
                d.kind(),
                d.date(),
                d.amount(),
                item,
                itemKey(item),
                d.from(),
                d.to(),
                d.place().communeCode(),
                d.place().villageCode(),
                d.place().categoryCode(),
                d.place().needId(),
                d.donorId(),
                d.donorPublicName(),
                d.message(),
                d.children(),
                d.reversesId(),
                d.reversesSequence(),
                d.reason(),
                d.sourceRef(),
                chain.headHash(),
                hash);
    }

    /** The folded text the search indexes: donor name, message, goods and reason. */
    static String folded(Draft d) {
        return VietnameseText.fold(String.join(
                " ",
                text(d.donorPublicName()),
                text(d.message()),
                d.item() == null ? "" : d.item().name(),
                text(d.reason())));
    }

    /** A database refusal as the ledger rule it enforces (the balance checks, one reversal per entry). */
    private static RuntimeException translated(DataAccessException e, Draft d) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.contains("ledger_balance_amount_not_negative")
                || message.contains("ledger_balance_quantity_not_negative")) {
            return new LedgerRuleBroken(ruleName(d.kind(), d.item() != null), "ledger.error.balanceBelowZero");
        }
        if (message.contains("ledger_entry_reversed_at_most_once")) {
            return new LedgerRuleBroken(
                    "reversedAtMostOnce", "ledger.error.alreadyReversed", String.valueOf(d.reversesSequence()));
        }
        return e;
    }

    private LedgerEntry posted(Stored entry, String unitCode) {
        events.publishEvent(new LedgerEntryPosted(
                new LedgerEntryId(entry.id()),
                new CampaignId(entry.campaignId()),
                entry.kind(),
                entry.date(),
                entry.amount(),
                entry.communeCode() != null ? entry.communeCode() : unitCode,
                entry.needId(),
                entry.donorId(),
                entry.sourceRef()));
        return entry.view();
    }

    // ---- checking a posting ----------------------------------------------------------------

    private Campaign campaign(CampaignId id) {
        if (id == null) {
            throw new LedgerRuleBroken("postingNamesCampaign", "ledger.error.campaignRequired");
        }
        return campaigns
                .find(id)
                .orElseThrow(
                        () -> new LedgerRuleBroken("campaignExists", "ledger.error.campaignUnknown", id.toString()));
    }

    private String unitCode(String code, String field) {
        if (blank(code)) {
            throw new LedgerRuleBroken(field + "Required", "ledger.error.unitRequired");
        }
        String clean = code.strip();
        if (organisation.find(clean, organisation.today()).isEmpty()) {
            throw new LedgerRuleBroken("unitExists", "ledger.error.unitUnknown", clean);
        }
        return clean;
    }

    private LocalDate date(LocalDate date) {
        if (date == null) {
            throw new LedgerRuleBroken("postingHasDate", "ledger.error.dateRequired");
        }
        if (date.isAfter(organisation.today())) {
            throw new LedgerRuleBroken("dateNotInFuture", "ledger.error.dateInFuture");
        }
        return date;
    }

    private static long money(Vnd amount) {
        if (amount == null || amount.isZero()) {
            throw new LedgerRuleBroken("amountPositive", "ledger.error.amountPositive");
        }
        if (amount.dong() > MAX_AMOUNT) {
            throw new LedgerRuleBroken("amountInRange", "ledger.error.amountTooLarge");
        }
        return amount.dong();
    }

    private static long value(Vnd amount) {
        if (amount == null) {
            return 0;
        }
        if (amount.dong() > MAX_AMOUNT) {
            throw new LedgerRuleBroken("amountInRange", "ledger.error.amountTooLarge");
        }
        return amount.dong();
    }

    private static long quantity(Item item) {
        if (item == null) {
            return 0;
        }
        if (item.quantity() > MAX_QUANTITY) {
            throw new LedgerRuleBroken("quantityInRange", "ledger.error.quantityTooLarge");
        }
        return item.quantity();
    }

    /** Where an allocation goes or a delivery comes from, as an account with its public place. */
    Place place(Campaign campaign, Destination destination) {
        if (destination == null) {
            throw new LedgerRuleBroken("allocationNamesDestination", "ledger.error.destinationRequired");
        }
        LocalDate today = organisation.today();
        if (destination.needId() != null) {
            NeedView need = needs.lookup(new NeedId(destination.needId()))
                    .orElseThrow(() -> new LedgerRuleBroken(
                            "needExists",
                            "ledger.error.needUnknown",
                            destination.needId().toString()));
            String village = need.unitCode().equals(need.communeCode()) ? null : need.unitCode();
            return new Place(
                    "NEED:" + need.id().value(),
                    need.communeCode(),
                    village,
                    need.categoryCode(),
                    need.id().value(),
                    need.unitCode());
        }
        String category = blank(destination.categoryCode())
                ? null
                : destination.categoryCode().strip().toUpperCase(Locale.ROOT);
        if (category != null
                && needs.categories().stream().noneMatch(c -> c.code().equals(category))) {
            throw new LedgerRuleBroken("categoryExists", "ledger.error.categoryUnknown", category);
        }
        if (blank(destination.communeCode())) {
            return new Place(
                    "CATEGORY:" + campaign.unitCode() + ":" + category,
                    null,
                    null,
                    category,
                    null,
                    campaign.unitCode());
        }
        String commune = destination.communeCode().strip();
        OrgUnitView unit = organisation.find(commune, today).orElse(null);
        if (unit == null || !unit.isCommune()) {
            throw new LedgerRuleBroken("communeExists", "ledger.error.communeUnknown", commune);
        }
        String suffix = category == null ? "" : ":" + category;
        if (!blank(destination.villageCode())) {
            String village = destination.villageCode().strip();
            OrgUnitView v = organisation.find(village, today).orElse(null);
            if (v == null || !v.isVillage() || !commune.equals(v.parentCode())) {
                throw new LedgerRuleBroken("villageOfCommune", "ledger.error.villageUnknown", village);
            }
            return new Place("VILLAGE:" + village + suffix, commune, village, category, null, village);
        }
        return new Place("COMMUNE:" + commune + suffix, commune, null, category, null, commune);
    }

    /** The unit whose officers answer for an entry: the pool's unit, or the place of the allocation. */
    static String unitOfEntry(Stored entry) {
        String account = entry.kind() == EntryKind.RECEIPT ? entry.toAccount() : entry.fromAccount();
        if (account.startsWith("POOL:")) {
            return account.substring(5);
        }
        if (entry.villageCode() != null) {
            return entry.villageCode();
        }
        if (entry.communeCode() != null) {
            return entry.communeCode();
        }
        String[] parts = account.replace("DELIVERED:", "").split(":");
        return parts.length > 1 ? parts[1] : account;
    }

    static String itemKey(Item item) {
        if (item == null) {
            return "";
        }
        String key = VietnameseText.fold(item.name()) + "|" + VietnameseText.fold(item.unit());
        return key.length() > 250 ? key.substring(0, 250) : key;
    }

    private static String publicName(String name) {
        String clean = publicText(name, 300);
        return clean == null || clean.isEmpty() ? ANONYMOUS : clean;
    }

    /** Text as it is published: NFC, single spaces, account and phone numbers masked, at most {@code max} characters. */
    static String publicText(String text, int max) {
        String clean = VietnameseText.clean(text);
        if (clean == null || clean.isEmpty()) {
            return null;
        }
        String masked = MessageMasking.mask(clean);
        return masked.length() > max ? masked.substring(0, max) : masked;
    }

    private static String limited(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String strip = value.strip();
        return strip.length() > max ? strip.substring(0, max) : strip;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    // ---- reading ---------------------------------------------------------------------------

    static final String COLUMNS = """
            e.id, e.campaign_id, e.sequence, e.kind, e.entry_date, e.amount_dong, e.item_name, e.item_unit,
            e.item_quantity, e.item_key, e.from_account, e.to_account, e.commune_code, e.village_code,
            e.category_code, e.need_id, e.donor_id, e.donor_public_name, e.public_message, e.children_count,
            e.reverses_id, e.reverses_sequence, e.reason, e.source_ref, e.previous_hash, e.hash""";

    static Stored row(ResultSet rs) throws SQLException {
        String itemName = rs.getString("item_name");
        Item item =
                itemName == null ? null : new Item(itemName, rs.getString("item_unit"), rs.getLong("item_quantity"));
        return new Stored(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("sequence"),
                EntryKind.valueOf(rs.getString("kind")),
                rs.getObject("entry_date", LocalDate.class),
                rs.getLong("amount_dong"),
                item,
                rs.getString("item_key"),
                rs.getString("from_account"),
                rs.getString("to_account"),
                rs.getString("commune_code"),
                rs.getString("village_code"),
                rs.getString("category_code"),
                (Long) rs.getObject("need_id"),
                (Long) rs.getObject("donor_id"),
                rs.getString("donor_public_name"),
                rs.getString("public_message"),
                rs.getInt("children_count"),
                (Long) rs.getObject("reverses_id"),
                (Long) rs.getObject("reverses_sequence"),
                rs.getString("reason"),
                rs.getString("source_ref"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    /** The hashed public fields of the current row of a result set selecting {@link #COLUMNS}. */
    static List<String> publicFields(ResultSet rs) throws SQLException {
        return LedgerHashing.publicFields(
                rs.getLong("campaign_id"),
                rs.getLong("sequence"),
                rs.getString("kind"),
                rs.getObject("entry_date", LocalDate.class),
                rs.getLong("amount_dong"),
                rs.getString("item_name"),
                rs.getString("item_unit"),
                (Long) rs.getObject("item_quantity"),
                rs.getString("from_account"),
                rs.getString("to_account"),
                rs.getString("commune_code"),
                rs.getString("village_code"),
                rs.getString("category_code"),
                (Long) rs.getObject("need_id"),
                rs.getString("donor_public_name"),
                rs.getString("public_message"),
                rs.getInt("children_count"),
                (Long) rs.getObject("reverses_sequence"),
                rs.getString("reason"));
    }

    Optional<Stored> stored(LedgerEntryId id) {
        return jdbc.sql("select " + COLUMNS + " from ledger_entry e where e.id = :id")
                .param("id", id.value())
                .query((rs, n) -> row(rs))
                .optional();
    }

    private Optional<Long> reversalOf(long entryId) {
        return jdbc.sql("select id from ledger_entry where reverses_id = :id")
                .param("id", entryId)
                .query(Long.class)
                .optional();
    }

    @Override
    public Optional<LedgerEntry> entry(LedgerEntryId id) {
        return stored(id).map(Stored::view);
    }

    @Override
    public List<LedgerEntry> entriesFor(String sourceRef) {
        if (blank(sourceRef)) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from ledger_entry e where e.source_ref = :ref order by e.id")
                .param("ref", sourceRef.strip())
                .query((rs, n) -> row(rs).view())
                .list();
    }

    private static final String NOT_REVERSED = " not exists (select 1 from ledger_entry x where x.reverses_id = e.id) ";

    @Override
    public CampaignTotals totals(CampaignId campaign) {
        long pools = jdbc.sql("select coalesce(sum(amount_dong), 0) from ledger_balance"
                        + " where campaign_id = :c and account like 'POOL:%'")
                .param("c", campaign.value())
                .query(Long.class)
                .single();
        // kept by the balance trigger (received, allocated, delivered) and by each posting (entry_count)
        return jdbc.sql("select received_dong, allocated_dong, delivered_dong, entry_count from ledger_chain"
                        + " where campaign_id = :c")
                .param("c", campaign.value())
                .query((rs, n) -> new CampaignTotals(
                        Vnd.of(rs.getLong(1)),
                        Vnd.of(rs.getLong(2)),
                        Vnd.of(rs.getLong(3)),
                        Vnd.of(pools),
                        rs.getLong(4)))
                .optional()
                .orElse(new CampaignTotals(Vnd.ZERO, Vnd.ZERO, Vnd.ZERO, Vnd.ZERO, 0));
    }

    @Override
    public Vnd allocatedToNeed(long needId) {
        return needSum(needId, "ALLOCATION");
    }

    @Override
    public Vnd deliveredFromNeed(long needId) {
        return needSum(needId, "DELIVERY");
    }

    private Vnd needSum(long needId, String kind) {
        return Vnd.of(jdbc.sql("select coalesce(sum(e.amount_dong), 0) from ledger_entry e where e.need_id = :need"
                        + " and e.kind = :kind and" + NOT_REVERSED)
                .param("need", needId)
                .param("kind", kind)
                .query(Long.class)
                .single());
    }

    @Override
    public Map<CampaignId, Vnd> undeliveredToNeed(long needId) {
        Map<CampaignId, Vnd> left = new LinkedHashMap<>();
        jdbc.sql("select campaign_id, amount_dong from ledger_balance where account = :account and item_key = ''"
                        + " and amount_dong > 0 order by campaign_id")
                .param("account", "NEED:" + needId)
                .query(rs -> {
                    left.put(new CampaignId(rs.getLong(1)), Vnd.of(rs.getLong(2)));
                });
        return left;
    }

    @Override
    public List<GiftDestination> whereWent(LedgerEntryId receipt) {
        record Allocation(
                long id, LocalDate date, String commune, String village, String category, Long need, long amount) {}
        List<Allocation> allocations = jdbc.sql("""
                        select e.id, e.entry_date, e.commune_code, e.village_code, e.category_code, e.need_id,
                               sum(t.amount_dong)
                        from ledger_trace t join ledger_entry e on e.id = t.entry_id
                        where t.receipt_id = :receipt and e.kind = 'ALLOCATION' and""" + NOT_REVERSED + """
                        group by e.id order by e.sequence""")
                .param("receipt", receipt.value())
                .query((rs, n) -> new Allocation(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Long) rs.getObject(6),
                        rs.getLong(7)))
                .list();
        Map<Long, long[]> delivered = new HashMap<>();
        jdbc.sql("""
                        select t.from_via_id, e.id, e.children_count, sum(t.amount_dong)
                        from ledger_trace t join ledger_entry e on e.id = t.entry_id
                        where t.receipt_id = :receipt and e.kind = 'DELIVERY' and""" + NOT_REVERSED + """
                        group by t.from_via_id, e.id, e.children_count""").param("receipt", receipt.value()).query(rs -> {
            long[] sums = delivered.computeIfAbsent(rs.getLong(1), k -> new long[2]);
            sums[0] += rs.getLong(4);
            sums[1] += rs.getInt(3);
        });
        return allocations.stream()
                .map(a -> {
                    long[] d = delivered.getOrDefault(a.id(), new long[2]);
                    return new GiftDestination(
                            a.date(),
                            a.commune(),
                            a.village(),
                            a.category(),
                            a.need(),
                            Vnd.of(a.amount()),
                            Vnd.of(d[0]),
                            (int) Math.min(Integer.MAX_VALUE, d[1]));
                })
                .toList();
    }

    @Override
    public Map<Long, Vnd> valueByDonor(LocalDate from, LocalDate to, Collection<String> unitCodes, boolean delivered) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from == null ? LocalDate.of(1900, 1, 1) : from);
        params.put("to", to == null ? LocalDate.of(9999, 12, 31) : to);
        String pools = "";
        if (unitCodes != null && !unitCodes.isEmpty()) {
            pools = " and r.to_account in (:pools)";
            params.put("pools", unitCodes.stream().map(u -> "POOL:" + u).toList());
        }
        String sql = delivered
                ? "select r.donor_id, sum(t.amount_dong) from ledger_trace t"
                        + " join ledger_entry e on e.id = t.entry_id and e.kind = 'DELIVERY'"
                        + " join ledger_entry r on r.id = t.receipt_id"
                        + " where e.entry_date between :from and :to and" + NOT_REVERSED + pools
                        + " group by r.donor_id"
                : "select r.donor_id, sum(r.amount_dong) from ledger_entry r"
                        + " where r.kind = 'RECEIPT' and r.entry_date between :from and :to"
                        + " and not exists (select 1 from ledger_entry x where x.reverses_id = r.id)" + pools
                        + " group by r.donor_id";
        Map<Long, Vnd> values = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            if (rs.getObject(1) != null) {
                values.put(rs.getLong(1), Vnd.of(rs.getLong(2)));
            }
        });
        return values;
    }

    @Override
    public List<LedgerBalance> balances(CampaignId campaign) {
        return jdbc.sql("""
                        select account, item_key, amount_dong, quantity, item_name, item_unit from ledger_balance
                        where campaign_id = :c
                        order by case when account like 'POOL:%' then 0 when account like 'DELIVERED:%' then 2 else 1 end,
                                 account, item_key""")
                .param("c", campaign.value())
                .query((rs, n) -> {
                    boolean goods = !rs.getString(2).isEmpty();
                    return new LedgerBalance(
                            rs.getString(1),
                            goods ? rs.getString(5) : null,
                            goods ? rs.getString(6) : null,
                            Vnd.of(rs.getLong(3)),
                            rs.getLong(4));
                })
                .list();
    }

    // ---- the chain -------------------------------------------------------------------------

    @Override
    public ChainHead head(CampaignId campaign) {
        return jdbc.sql("select sequence, hash from ledger_entry where campaign_id = :c order by sequence desc limit 1")
                .param("c", campaign.value())
                .query((rs, n) -> new ChainHead(campaign.value(), organisation.today(), rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new ChainHead(campaign.value(), organisation.today(), 0, LedgerHashing.GENESIS));
    }

    @Override
    public List<ChainHead> headHistory(CampaignId campaign) {
        return jdbc.sql("select head_date, entry_count, head_hash from ledger_head where campaign_id = :c"
                        + " order by head_date desc")
                .param("c", campaign.value())
                .query((rs, n) -> new ChainHead(
                        campaign.value(), rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3)))
                .list();
    }

    @Override
    public ChainCheck verify(CampaignId campaign) {
        ChainVerification check = new ChainVerification(campaign.value());
        template.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select " + COLUMNS + " from ledger_entry e where e.campaign_id = ? order by e.sequence");
                    statement.setFetchSize(1000);
                    statement.setLong(1, campaign.value());
                    return statement;
                },
                rs -> {
                    if (!check.broken()) {
                        check.accept(rs);
                    }
                });
        return check.result();
    }

    /** Recomputes a chain row by row; stops looking at the first broken entry. */
    static final class ChainVerification {
        private final long campaignId;
        private long checked;
        private String previous = LedgerHashing.GENESIS;
        private Long brokenSequence;
        private String problem;

        ChainVerification(long campaignId) {
            this.campaignId = campaignId;
        }

        boolean broken() {
            return brokenSequence != null;
        }

        void accept(ResultSet rs) throws SQLException {
            long sequence = rs.getLong("sequence");
            if (sequence != checked + 1) {
                fail(checked + 1, "entry " + (checked + 1) + " is missing");
                return;
            }
            String storedPrevious = rs.getString("previous_hash");
            if (!previous.equals(storedPrevious)) {
                fail(sequence, "previous_hash is not the hash of entry " + (sequence - 1));
                return;
            }
            List<String> fields = publicFields(rs);
            String hash = LedgerHashing.hash(fields, storedPrevious);
            if (!hash.equals(rs.getString("hash"))) {
                fail(sequence, "the stored fields of entry " + sequence + " no longer give its hash");
                return;
            }
            previous = hash;
            checked = sequence;
        }

        private void fail(long sequence, String why) {
            brokenSequence = sequence;
            problem = why;
        }

        ChainCheck result() {
            return new ChainCheck(campaignId, checked, brokenSequence, problem);
        }
    }

    // ---- internal records ------------------------------------------------------------------

    record Chain(long campaignId, long count, String headHash) {}

    /** An allocation account and its public place; {@code scopeUnit} is whose officers answer for it. */
    record Place(
            String account,
            String communeCode,
            String villageCode,
            String categoryCode,
            Long needId,
            String scopeUnit) {}

    record Lot(long viaId, long viaSequence, long receiptId, long receiptSequence, long amount, long quantity) {}

    record Taken(Lot lot, long amount, long quantity) {}

    record TraceRow(
            long receiptId, long receiptSequence, Long fromViaId, Long fromViaSequence, long amount, long quantity) {}

    record Draft(
            long campaignId,
            EntryKind kind,
            LocalDate date,
            long amount,
            Item item,
            String from,
            String to,
            Place place,
            Long donorId,
            String donorPublicName,
            String message,
            int children,
            Long reversesId,
            Long reversesSequence,
            String reason,
            String sourceRef,
            List<String> referenceKeys) {}
}
