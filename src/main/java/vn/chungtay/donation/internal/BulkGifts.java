package vn.chungtay.donation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.donation.Channel;
import vn.chungtay.donor.DonorDirectory;
import vn.chungtay.donor.DonorView;
import vn.chungtay.donor.TransferSender;
import vn.chungtay.ledger.AllocationPosting;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.ledger.ReceiptRejected;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Writes many bank-transfer gifts at once (a statement's matched lines): the senders' donors found
 * (or registered once) with one lookup ({@link DonorDirectory#transferSenders}: the same sender is
 * the same donor on every import), ids and receipt numbers reserved in blocks, all receipts posted
 * to the ledger in one batch ({@link Ledger#postReceipts}), need-coded gifts allocated one by one,
 * the rows inserted in chunks of {@value #CHUNK} with {@code unnest} instead of one statement per
 * gift.
 */
@Component
public class BulkGifts {

    /** The anonymous donor's name, as the Front writes it. */
    public static final String ANONYMOUS = "Nhà hảo tâm";

    static final int CHUNK = 5_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkGifts.class);

    /** A bank transfer to record: {@code need} may be null; {@code senderName} null for an anonymous donor. */
    public record Transfer(
            long campaignId,
            String unitCode,
            LocalDate day,
            long amount,
            Long needId,
            String message,
            String senderName,
            String receivedBy) {}

    private final JdbcClient jdbc;
    private final DonorDirectory donors;
    private final Ledger ledger;
    private final ReceiptNumbers receiptNumbers;
    private final OrganisationManagement organisation;

    BulkGifts(
            JdbcClient jdbc,
            DonorDirectory donors,
            Ledger ledger,
            ReceiptNumbers receiptNumbers,
            OrganisationManagement organisation) {
        this.jdbc = jdbc;
        this.donors = donors;
        this.ledger = ledger;
        this.receiptNumbers = receiptNumbers;
        this.organisation = organisation;
    }

    /** Records the transfers in the caller's transaction and returns their gift ids, in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long[] record(List<Transfer> transfers, String recordedBy) {
        int n = transfers.size();
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        List<Long> reserved = jdbc.sql("select nextval('donation_id_seq') from generate_series(1, :n)")
                .param("n", n)
                .query(Long.class)
                .list();
        for (int i = 0; i < n; i++) {
            ids[i] = reserved.get(i);
        }
        // receipt numbers: one block per unit and year, given out in the transfers' order
        Map<String, Integer> counts = new java.util.TreeMap<>(); // locked in one order by every import
        for (Transfer t : transfers) {
            counts.merge(t.unitCode() + "|" + t.day().getYear(), 1, Integer::sum);
        }
        Map<String, Integer> next = new HashMap<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\\|");
            next.put(key, receiptNumbers.reserve(parts[0], Integer.parseInt(parts[1]), count));
        });
        long started = System.nanoTime();
        // donors: every sender of the batch found (or registered once) with one lookup
        List<TransferSender> senders = new ArrayList<>(n);
        for (Transfer t : transfers) {
            senders.add(new TransferSender(
                    t.senderName(), StatementText.senderAccount(t.message()).orElse(null)));
        }
        Map<TransferSender, DonorView> donorOf = donors.transferSenders(new LinkedHashSet<>(senders));
        long afterDonors = System.nanoTime();
        // the ledger: all receipts in one batch posting, then the allocations of need-coded gifts
        List<ReceiptPosting> postings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Transfer t = transfers.get(i);
            DonorView donor = donorOf.get(senders.get(i));
            postings.add(new ReceiptPosting(
                    new CampaignId(t.campaignId()),
                    t.unitCode(),
                    t.day(),
                    Vnd.of(t.amount()),
                    null,
                    donor.id().value(),
                    donor.publicName(),
                    t.message(),
                    Long.toString(ids[i])));
        }
        List<LedgerEntry> receipts;
        try {
            receipts = ledger.postReceipts(postings);
        } catch (ReceiptRejected e) {
            throw new TransferRefused(e.index(), e);
        }
        Long[] allocations = new Long[n];
        for (int i = 0; i < n; i++) {
            Transfer t = transfers.get(i);
            if (t.needId() == null) {
                continue;
            }
            try {
                allocations[i] = ledger.allocate(new AllocationPosting(
                                new CampaignId(t.campaignId()),
                                t.unitCode(),
                                Destination.toNeed(t.needId()),
                                t.day(),
                                Vnd.of(t.amount()),
                                null,
                                "donation " + ids[i]))
                        .id()
                        .value();
            } catch (LedgerRuleBroken e) {
                throw new TransferRefused(i, e);
            }
        }
        long afterLedger = System.nanoTime();
        Map<String, String[]> paths = new HashMap<>();
        Rows rows = new Rows(Math.min(n, CHUNK));
        for (int i = 0; i < n; i++) {
            Transfer t = transfers.get(i);
            String key = t.unitCode() + "|" + t.day().getYear();
            int number = next.merge(key, 1, Integer::sum) - 1;
            String[] path = paths.computeIfAbsent(t.unitCode(), this::unitPath);
            rows.add(
                    ids[i],
                    t,
                    path,
                    donorOf.get(senders.get(i)),
                    number,
                    receipts.get(i).id().value(),
                    allocations[i],
                    recordedBy);
            if (rows.size() == CHUNK) {
                rows.insert(jdbc);
                rows = new Rows(CHUNK);
            }
        }
        rows.insert(jdbc);
        if (n > 1) {
            log.info(
                    "{} bank transfers recorded in {} ms: donors {} ms ({} senders), ledger {} ms",
                    n,
                    (System.nanoTime() - started) / 1_000_000,
                    (afterDonors - started) / 1_000_000,
                    donorOf.size(),
                    (afterLedger - afterDonors) / 1_000_000);
        }
        return ids;
    }

    /**
     * A transfer of the batch that the ledger refused (a rule broken, e.g. a date after today);
     * nothing of the batch is kept once the caller's transaction rolls back. {@code index} is the
     * transfer's place in the batch.
     */
    public static final class TransferRefused extends RuntimeException {
        private final int index;
        private final transient LedgerRuleBroken reason;

        TransferRefused(int index, LedgerRuleBroken reason) {
            super("transfer " + index + " refused: " + reason.rule(), reason);
            this.index = index;
            this.reason = reason;
        }

        public int index() {
            return index;
        }

        public LedgerRuleBroken reason() {
            return reason;
        }
    }

    private String[] unitPath(String unitCode) {
        List<String> path = new ArrayList<>();
        path.add(unitCode);
        organisation.ancestors(unitCode, organisation.today()).forEach(a -> path.add(a.code()));
        return path.toArray(String[]::new);
    }

    /** Column arrays of a chunk of gifts, inserted with one {@code unnest} statement. */
    private static final class Rows {
        final List<String> id = new ArrayList<>();
        final List<String> campaign = new ArrayList<>();
        final List<String> unit = new ArrayList<>();
        final List<String> path = new ArrayList<>();
        final List<String> donor = new ArrayList<>();
        final List<String> kind = new ArrayList<>();
        final List<String> domestic = new ArrayList<>();
        final List<String> name = new ArrayList<>();
        final List<String> publicName = new ArrayList<>();
        final List<String> email = new ArrayList<>();
        final List<String> amount = new ArrayList<>();
        final List<String> day = new ArrayList<>();
        final List<String> need = new ArrayList<>();
        final List<String> message = new ArrayList<>();
        final List<String> receivedBy = new ArrayList<>();
        final List<String> year = new ArrayList<>();
        final List<String> number = new ArrayList<>();
        final List<String> receipt = new ArrayList<>();
        final List<String> allocation = new ArrayList<>();
        final List<String> search = new ArrayList<>();
        String recordedBy = "system";

        Rows(int capacity) {}

        int size() {
            return id.size();
        }

        void add(
                long giftId,
                Transfer t,
                String[] unitPath,
                DonorView d,
                int receiptNumber,
                long receiptEntry,
                Long allocationEntry,
                String by) {
            id.add(Long.toString(giftId));
            campaign.add(Long.toString(t.campaignId()));
            unit.add(t.unitCode());
            path.add(String.join(",", unitPath));
            donor.add(Long.toString(d.id().value()));
            kind.add(d.kind().name());
            domestic.add(Boolean.toString(d.domestic()));
            name.add(d.name());
            publicName.add(d.publicName());
            email.add(d.email() == null || d.email().isBlank() ? null : d.email());
            amount.add(Long.toString(t.amount()));
            day.add(t.day().toString());
            need.add(t.needId() == null ? null : Long.toString(t.needId()));
            message.add(
                    t.message() == null
                            ? null
                            : t.message().length() > 2000 ? t.message().substring(0, 2000) : t.message());
            receivedBy.add(t.receivedBy());
            year.add(Integer.toString(t.day().getYear()));
            number.add(Integer.toString(receiptNumber));
            receipt.add(Long.toString(receiptEntry));
            allocation.add(allocationEntry == null ? null : Long.toString(allocationEntry));
            String receiptText = receiptNumber + "/" + t.day().getYear() + "/BN-" + t.unitCode();
            search.add(
                    VietnameseText.fold(d.name() + " " + (t.message() == null ? "" : t.message()) + " " + receiptText));
            recordedBy = by;
        }

        void insert(JdbcClient jdbc) {
            if (id.isEmpty()) {
                return;
            }
            jdbc.sql("""
                            insert into donation (id, campaign_id, receiving_unit_code, unit_path, channel, donor_id, donor_kind,
                                donor_domestic, donor_name, donor_public_name, donor_email, amount_dong, received_on, need_id,
                                message, received_by, recorded_by, receipt_year, receipt_number, receipt_entry_id,
                                allocation_entry_id, search_text)
                            select cast(u.id as bigint), cast(u.campaign as bigint), u.unit, string_to_array(u.path, ','),
                                :channel, cast(u.donor as bigint), u.kind, cast(u.domestic as boolean), u.name, u.public_name,
                                u.email, cast(u.amount as bigint), cast(u.day as date), cast(u.need as bigint), u.message,
                                u.received_by, :recordedBy, cast(u.year as integer), cast(u.number as integer),
                                cast(u.receipt as bigint), cast(u.allocation as bigint), u.search
                            from unnest(:id, :campaign, :unit, :path, :donor, :kind, :domestic, :name, :publicName, :email,
                                :amount, :day, :need, :message, :receivedBy, :year, :number, :receipt, :allocation, :search)
                                as u(id, campaign, unit, path, donor, kind, domestic, name, public_name, email, amount, day,
                                     need, message, received_by, year, number, receipt, allocation, search)""")
                    .param("channel", Channel.BANK_TRANSFER.name())
                    .param("recordedBy", recordedBy)
                    .param("id", array(id))
                    .param("campaign", array(campaign))
                    .param("unit", array(unit))
                    .param("path", array(path))
                    .param("donor", array(donor))
                    .param("kind", array(kind))
                    .param("domestic", array(domestic))
                    .param("name", array(name))
                    .param("publicName", array(publicName))
                    .param("email", array(email))
                    .param("amount", array(amount))
                    .param("day", array(day))
                    .param("need", array(need))
                    .param("message", array(message))
                    .param("receivedBy", array(receivedBy))
                    .param("year", array(year))
                    .param("number", array(number))
                    .param("receipt", array(receipt))
                    .param("allocation", array(allocation))
                    .param("search", array(search))
                    .update();
        }

        private static String[] array(List<String> values) {
            return values.toArray(String[]::new);
        }
    }
}
