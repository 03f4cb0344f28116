package vn.chungtay.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.donation.internal.DonationMails;
import vn.chungtay.donation.internal.ReceiptDocument;
import vn.chungtay.donation.internal.ReceiptNumbers;
import vn.chungtay.donor.DonorDirectory;
import vn.chungtay.donor.DonorId;
import vn.chungtay.donor.DonorKind;
import vn.chungtay.donor.DonorView;
import vn.chungtay.donor.InvalidDonor;
import vn.chungtay.donor.NewDonor;
import vn.chungtay.ledger.AllocationPosting;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Item;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerEntryId;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedNotFound;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Records gifts (cash, bank transfers, goods, other) for campaigns, numbers their receipts per
 * issuing unit and year, posts each gift to the ledger (and its earmark as an allocation) in the
 * gift's own transaction, reverses gifts with a reason, and renders and mails receipts.
 */
@Service
@Transactional(readOnly = true)
public class DonationManagement {

    static final long MAX_AMOUNT = 1_000_000_000_000L;
    private static final int MAX_ITEMS = 50;

    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final DonorDirectory donors;
    private final Ledger ledger;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final ReceiptNumbers receiptNumbers;
    private final ReceiptDocument receipts;
    private final DonationMails mails;
    private final ApplicationEventPublisher events;

    DonationManagement(
            JdbcClient jdbc,
            CampaignManagement campaigns,
            DonorDirectory donors,
            Ledger ledger,
            NeedManagement needs,
            OrganisationManagement organisation,
            ReceiptNumbers receiptNumbers,
            ReceiptDocument receipts,
            DonationMails mails,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.donors = donors;
        this.ledger = ledger;
        this.needs = needs;
        this.organisation = organisation;
        this.receiptNumbers = receiptNumbers;
        this.receipts = receipts;
        this.mails = mails;
        this.events = events;
    }

    // ---- recording ----------------------------------------------------------------------------

    /**
     * Records a gift: checks the input (every problem at once, writing nothing), that the campaign
     * receives on the day and that the actor may receive for it, finds or registers the donor,
     * takes the next receipt number of the receiving unit, and posts the receipt (and the earmark's
     * allocation) to the ledger — all in one transaction. A thank-you mail goes to a donor with an
     * e-mail address.
     */
    @Transactional
    public GiftView record(GiftForm form) {
        Actor actor = CurrentActor.get();
        Checked gift = check(form, actor);
        DonorView donor = gift.donorId() != null
                ? donors.get(new DonorId(gift.donorId()))
                : donors.findOrRegister(gift.newDonor());
        long id =
                jdbc.sql("select nextval('donation_id_seq')").query(Long.class).single();
        int year = gift.day().getYear();
        int number = receiptNumbers.next(gift.unitCode(), year);
        jdbc.sql("""
                        insert into donation (id, campaign_id, receiving_unit_code, unit_path, channel, donor_id, donor_kind,
                            donor_domestic, donor_name, donor_public_name, donor_email, amount_dong, received_on, need_id,
                            earmark_commune_code, earmark_category_code, message, received_by, recorded_by, receipt_year,
                            receipt_number, search_text)
                        values (:id, :campaign, :unit, :path, :channel, :donor, :kind, :domestic, :name, :publicName,
                            :email, :amount, :day, :need, :commune, :category, :message, :receivedBy, :recordedBy, :year,
                            :number, :search)""")
                .param("id", id)
                .param("campaign", gift.campaign().id().value())
                .param("unit", gift.unitCode())
                .param("path", unitPath(gift.unitCode()))
                .param("channel", gift.channel().name())
                .param("donor", donor.id().value())
                .param("kind", donor.kind().name())
                .param("domestic", donor.domestic())
                .param("name", donor.name())
                .param("publicName", donor.publicName())
                .param("email", blankToNull(donor.email()))
                .param("amount", gift.amount())
                .param("day", gift.day())
                .param("need", gift.need() == null ? null : gift.need().id().value())
                .param("commune", gift.communeCode())
                .param("category", gift.categoryCode())
                .param("message", gift.message())
                .param("receivedBy", gift.receivedBy() == null ? actor.username() : gift.receivedBy())
                .param("recordedBy", actor.username())
                .param("year", year)
                .param("number", number)
                .param(
                        "search",
                        searchText(donor.name(), gift.message(), GiftView.receiptNumber(number, year, gift.unitCode())))
                .update();
        String ref = Long.toString(id);
        Destination earmark = gift.destination();
        if (gift.channel().inKind()) {
            int position = 0;
            for (GiftView.Item item : gift.items()) {
                Item goods = new Item(item.name(), item.unit(), item.quantity());
                LedgerEntry receipt = ledger.postReceipt(new ReceiptPosting(
                        gift.campaign().id(),
                        gift.unitCode(),
                        gift.day(),
                        item.value(),
                        goods,
                        donor.id().value(),
                        donor.publicName(),
                        gift.message(),
                        ref));
                Long allocation = earmark == null
                        ? null
                        : ledger.allocate(new AllocationPosting(
                                        gift.campaign().id(),
                                        gift.unitCode(),
                                        earmark,
                                        gift.day(),
                                        item.value(),
                                        goods,
                                        "donation " + ref))
                                .id()
                                .value();
                jdbc.sql("""
                                insert into donation_item (donation_id, position, name, quantity, unit, value_dong, condition,
                                    expires_on, receipt_entry_id, allocation_entry_id)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                id,
                                position++,
                                item.name(),
                                item.quantity(),
                                item.unit(),
                                item.value().dong(),
                                item.condition(),
                                item.expiresOn(),
                                receipt.id().value(),
                                allocation)
                        .update();
            }
        } else {
            LedgerEntry receipt = ledger.postReceipt(new ReceiptPosting(
                    gift.campaign().id(),
                    gift.unitCode(),
                    gift.day(),
                    Vnd.of(gift.amount()),
                    null,
                    donor.id().value(),
                    donor.publicName(),
                    gift.message(),
                    ref));
            Long allocation = earmark == null
                    ? null
                    : ledger.allocate(new AllocationPosting(
                                    gift.campaign().id(),
                                    gift.unitCode(),
                                    earmark,
                                    gift.day(),
                                    Vnd.of(gift.amount()),
                                    null,
                                    "donation " + ref))
                            .id()
                            .value();
            jdbc.sql("update donation set receipt_entry_id = ?, allocation_entry_id = ? where id = ?")
                    .params(receipt.id().value(), allocation, id)
                    .update();
        }
        GiftView view = load(id).orElseThrow();
        events.publishEvent(new DonationRecorded(
                view.id(), view.campaignId(), view.receivingUnitCode(), gift.amount(), audit(view)));
        if (view.donorEmail() != null) {
            mails.thankYou(view, campaignName(view.campaignId()));
        }
        return view;
    }

    /** The donor named by id, or found or registered; the donor register's objections name the form's fields. */
    private DonorView donor(Checked gift) {
        if (gift.donorId() != null) {
            return donors.get(new DonorId(gift.donorId()));
        }
        try {
            return donors.findOrRegister(gift.newDonor());
        } catch (InvalidDonor e) {
            throw new InvalidDonation(e.problems().stream()
                    .map(p -> new InvalidDonation.Problem(donorField(p.field()), p.messageKey(), p.arguments()))
                    .toList());
        }
    }

    private static String donorField(String field) {
        if (field == null || field.isEmpty()) {
            return "donorName";
        }
        return switch (field) {
            case "name", "kind", "country", "phone", "email" ->
                "donor" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
            default -> "donorName";
        };
    }

    /** The receiving unit of a gift: the campaign's unit when the actor covers it, else the actor's unit inside it. */
    String receivingUnit(Actor actor, Campaign campaign) {
        if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not record gifts");
        }
        if (organisation.covers(actor, campaign.unitCode())) {
            return campaign.unitCode();
        }
        if (actor.scopeCode() != null
                && organisation.isWithin(actor.scopeCode(), campaign.unitCode(), organisation.today())) {
            return actor.scopeCode();
        }
        throw new OutsideScope(actor.username() + " may not receive gifts for campaign " + campaign.id());
    }

    private record Checked(
            Campaign campaign,
            String unitCode,
            Channel channel,
            Long donorId,
            NewDonor newDonor,
            long amount,
            List<GiftView.Item> items,
            LocalDate day,
            NeedView need,
            String communeCode,
            String categoryCode,
            String message,
            String receivedBy) {

        Destination destination() {
            if (need != null) {
                return Destination.toNeed(need.id().value());
            }
            if (communeCode != null) {
                return Destination.toCommune(communeCode, categoryCode);
            }
            if (categoryCode != null) {
                return new Destination(null, null, null, categoryCode);
            }
            return null;
        }
    }

    private Checked check(GiftForm submitted, Actor actor) {
        GiftForm form = submitted.withoutBlankItems();
        List<InvalidDonation.Problem> problems = new ArrayList<>();
        Campaign campaign = null;
        if (form.campaignId() == null) {
            problem(problems, "campaignId", "donation.error.campaign");
        } else if (form.campaignId() <= 0) {
            problem(problems, "campaignId", "donation.error.campaign");
        } else {
            campaign = campaigns.find(new CampaignId(form.campaignId())).orElse(null);
            if (campaign == null) {
                problem(problems, "campaignId", "donation.error.campaign");
            }
        }
        String unitCode = campaign == null ? null : receivingUnit(actor, campaign);
        Channel channel = parse(Channel.class, form.channel());
        if (channel == null) {
            problem(problems, "channel", "donation.error.channel");
        }
        LocalDate day = form.receivedOn();
        if (day == null) {
            problem(problems, "receivedOn", "donation.error.receivedOn");
        } else if (day.isAfter(organisation.today())) {
            problem(problems, "receivedOn", "donation.error.receivedOnFuture");
        } else if (campaign != null && !campaign.receivesOn(day)) {
            problem(
                    problems,
                    "receivedOn",
                    "donation.error.campaignClosed",
                    campaign.name(),
                    date(day),
                    date(campaign.receivingFrom()),
                    date(campaign.receivingTo()));
        }
        long amount = 0;
        List<GiftView.Item> items = new ArrayList<>();
        if (channel != null && channel.inKind()) {
            if (form.items().isEmpty()) {
                problem(problems, "items", "donation.error.items");
            }
            if (form.items().size() > MAX_ITEMS) {
                problem(problems, "items", "donation.error.tooManyItems", MAX_ITEMS);
            }
            for (int i = 0; i < form.items().size() && i < MAX_ITEMS; i++) {
                GiftForm.ItemForm item = form.items().get(i);
                String prefix = "items[" + i + "].";
                String name = VietnameseText.clean(item.name());
                String unit = VietnameseText.clean(item.unit());
                boolean ok = true;
                if (name == null || name.isEmpty() || name.length() > 200) {
                    problem(problems, prefix + "name", "donation.error.itemName", i + 1);
                    ok = false;
                }
                if (item.quantity() == null || item.quantity() <= 0 || item.quantity() > 10_000_000) {
                    problem(problems, prefix + "quantity", "donation.error.itemQuantity", i + 1);
                    ok = false;
                }
                if (unit == null || unit.isEmpty() || unit.length() > 40) {
                    problem(problems, prefix + "unit", "donation.error.itemUnit", i + 1);
                    ok = false;
                }
                if (item.value() == null || item.value() <= 0 || item.value() > MAX_AMOUNT) {
                    problem(problems, prefix + "value", "donation.error.itemValue", i + 1);
                    ok = false;
                }
                String condition = VietnameseText.clean(item.condition());
                if (condition != null && condition.length() > 200) {
                    problem(problems, prefix + "condition", "donation.error.itemCondition", i + 1);
                    ok = false;
                }
                if (ok) {
                    items.add(new GiftView.Item(
                            name,
                            item.quantity(),
                            unit,
                            Vnd.of(item.value()),
                            condition == null || condition.isEmpty() ? null : condition,
                            item.expiresOn()));
                    amount += item.value();
                }
            }
            if (form.amount() != null && form.amount() != amount && problems.isEmpty() && form.amount() != 0) {
                problem(
                        problems,
                        "amount",
                        "donation.error.amountItems",
                        Vnd.of(amount).formatted());
            }
        } else if (channel != null) {
            if (form.amount() == null || form.amount() <= 0) {
                problem(problems, "amount", "donation.error.amount");
            } else if (form.amount() > MAX_AMOUNT) {
                problem(problems, "amount", "donation.error.amountTooLarge");
            } else {
                amount = form.amount();
            }
        }
        Long donorId = null;
        NewDonor newDonor = null;
        if (form.donorId() != null) {
            if (form.donorId() <= 0 || donors.find(new DonorId(form.donorId())).isEmpty()) {
                problem(problems, "donorId", "donation.error.donor");
            } else {
                donorId = form.donorId();
            }
        } else {
            newDonor = newDonor(form, problems);
        }
        NeedView need = null;
        String communeCode = blankToNull(form.communeCode());
        String categoryCode = blankToNull(form.categoryCode());
        if (form.needId() != null) {
            if (communeCode != null || categoryCode != null) {
                problem(problems, "needId", "donation.error.earmarkBoth");
            }
            need = need(form.needId(), unitCode, problems);
            communeCode = null;
            categoryCode = null;
        } else {
            if (communeCode != null) {
                Optional<OrgUnitView> commune = organisation.find(communeCode, organisation.today());
                if (commune.isEmpty() || !commune.get().isCommune()) {
                    problem(problems, "communeCode", "donation.error.commune");
                } else if (unitCode != null && !organisation.isWithin(communeCode, unitCode, organisation.today())) {
                    problem(problems, "communeCode", "donation.error.communeOutside");
                }
            }
            if (categoryCode != null
                    && needs.categories().stream()
                            .noneMatch(c -> c.code().equals(form.categoryCode().strip()))) {
                problem(problems, "categoryCode", "donation.error.category");
            }
        }
        String message = VietnameseText.clean(form.message());
        if (message != null && message.length() > 2000) {
            problem(problems, "message", "donation.error.message");
        }
        String receivedBy = VietnameseText.clean(form.receivedBy());
        if (receivedBy != null && receivedBy.length() > 200) {
            problem(problems, "receivedBy", "donation.error.receivedBy");
        }
        if (!problems.isEmpty()) {
            throw new InvalidDonation(problems);
        }
        return new Checked(
                campaign,
                unitCode,
                channel,
                donorId,
                newDonor,
                amount,
                items,
                day,
                need,
                communeCode,
                categoryCode,
                message == null || message.isEmpty() ? null : message,
                receivedBy == null || receivedBy.isEmpty() ? null : receivedBy);
    }

    private NewDonor newDonor(GiftForm form, List<InvalidDonation.Problem> problems) {
        String name = VietnameseText.clean(form.donorName());
        if (name == null || name.isEmpty() || name.length() > 200) {
            problem(problems, "donorName", "donation.error.donorName");
        }
        DonorKind kind = form.donorKind() == null || form.donorKind().isBlank()
                ? DonorKind.INDIVIDUAL
                : parse(DonorKind.class, form.donorKind());
        if (kind == null) {
            problem(problems, "donorKind", "donation.error.donorKind");
        }
        boolean domestic = form.donorDomestic() == null || form.donorDomestic();
        String country = blankToNull(form.donorCountry());
        if (country != null) {
            country = country.strip().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                problem(problems, "donorCountry", "donation.error.donorCountry");
            }
        }
        if (domestic) {
            country = "VN";
        }
        String email = blankToNull(form.donorEmail());
        if (email != null && (email.length() > 254 || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problem(problems, "donorEmail", "donation.error.donorEmail");
        }
        String phone = blankToNull(form.donorPhone());
        if (phone != null && !phone.replaceAll("[\\s.()-]", "").matches("\\+?\\d{6,15}")) {
            problem(problems, "donorPhone", "donation.error.donorPhone");
        }
        return new NewDonor(
                name,
                kind,
                domestic,
                country,
                phone == null ? null : phone.replaceAll("[\\s.()-]", ""),
                email == null ? null : email.strip(),
                null,
                Boolean.TRUE.equals(form.donorAnonymous()),
                Boolean.TRUE.equals(form.donorListConsent()));
    }

    private NeedView need(long needId, String unitCode, List<InvalidDonation.Problem> problems) {
        if (needId <= 0) {
            problem(problems, "needId", "donation.error.need");
            return null;
        }
        NeedView need;
        try {
            need = needs.get(new NeedId(needId));
        } catch (NeedNotFound | OutsideScope e) {
            problem(problems, "needId", "donation.error.need");
            return null;
        }
        if (need.status() != NeedStatus.PUBLISHED && need.status() != NeedStatus.PARTLY_FUNDED) {
            problem(problems, "needId", "donation.error.needNotOpen", needId);
            return null;
        }
        if (unitCode != null
                && !organisation.isWithin(need.unitCode(), unitCode, organisation.today())
                && !organisation.isWithin(need.communeCode(), unitCode, organisation.today())) {
            problem(problems, "needId", "donation.error.needOutside", needId);
            return null;
        }
        return need;
    }

    // ---- reversing ----------------------------------------------------------------------------

    /** Reverses a gift with a reason: every ledger entry it posted is undone (allocations first). */
    @Transactional
    public GiftView reverse(GiftId id, String reason) {
        Actor actor = CurrentActor.get();
        GiftView gift = load(id.value()).orElseThrow(() -> new DonationNotFound("gift " + id));
        organisation.requireManageable(actor, gift.receivingUnitCode());
        String why = VietnameseText.clean(reason);
        if (why == null || why.length() < 3 || why.length() > 500) {
            throw InvalidDonation.of("reason", "donation.error.reason");
        }
        if (gift.reversed()) {
            throw InvalidDonation.of(null, "donation.error.alreadyReversed");
        }
        List<Long> allocations = new ArrayList<>();
        List<Long> receiptsToReverse = new ArrayList<>();
        jdbc.sql(
                        "select receipt_entry_id, allocation_entry_id from donation where id = ?"
                                + " union all select receipt_entry_id, allocation_entry_id from donation_item where donation_id = ?")
                .params(id.value(), id.value())
                .query(rs -> {
                    long receipt = rs.getLong(1);
                    if (!rs.wasNull()) {
                        receiptsToReverse.add(receipt);
                    }
                    long allocation = rs.getLong(2);
                    if (!rs.wasNull()) {
                        allocations.add(allocation);
                    }
                });
        for (long entry : allocations) {
            ledger.reverse(new LedgerEntryId(entry), why);
        }
        for (long entry : receiptsToReverse) {
            ledger.reverse(new LedgerEntryId(entry), why);
        }
        jdbc.sql("update donation set reversed_at = now(), reversed_by = ?, reverse_reason = ? where id = ?")
                .params(actor.username(), why, id.value())
                .update();
        events.publishEvent(new DonationReversed(id, gift.receivingUnitCode(), why, audit(gift)));
        return load(id.value()).orElseThrow();
    }

    // ---- reading ------------------------------------------------------------------------------

    public GiftView get(GiftId id) {
        GiftView gift = load(id.value()).orElseThrow(() -> new DonationNotFound("gift " + id));
        requireReadable(CurrentActor.get(), gift.receivingUnitCode());
        return gift;
    }

    /** Gifts received within the actor's scope, newest first. */
    public Page<GiftView> find(DonationQuery query, int page, int size) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        int pageSize = Math.min(Math.max(size, 1), 200);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (!actor.isNational()) {
            where.append(" and unit_path @> array[cast(:scope as text)]");
            params.put("scope", actor.scopeCode());
        }
        if (query.campaignId() != null) {
            where.append(" and campaign_id = :campaign");
            params.put("campaign", query.campaignId());
        }
        if (query.unitCode() != null && !query.unitCode().isBlank()) {
            where.append(" and unit_path @> array[cast(:unit as text)]");
            params.put("unit", query.unitCode().strip());
        }
        if (query.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", query.channel().name());
        }
        if (query.from() != null) {
            where.append(" and received_on >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and received_on <= :to");
            params.put("to", query.to());
        }
        if (query.needId() != null) {
            where.append(" and need_id = :need");
            params.put("need", query.needId());
        }
        String folded = VietnameseText.fold(query.text());
        if (!folded.isEmpty()) {
            String[] words = folded.split(" ");
            for (int i = 0; i < words.length && i < 8; i++) {
                where.append(" and search_text like :w").append(i);
                params.put("w" + i, "%" + words[i] + "%");
            }
        }
        long total = jdbc.sql("select count(*) from donation" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<GiftView> items = jdbc.sql("select * from donation" + where
                        + " order by received_on desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", Page.offset(page, pageSize))
                .query((rs, n) -> view(rs, List.of()))
                .list();
        return new Page<>(withItems(items), Math.max(page, 0), pageSize, total);
    }

    /**
     * Campaigns the actor may record a gift for on a day: those of the actor's unit and the units
     * above it; a national actor names the unit.
     */
    public List<Campaign> campaignsFor(String unitCode, LocalDate day) {
        Actor actor = CurrentActor.get();
        if (!actor.canManage()) {
            return List.of();
        }
        String unit = actor.isNational() ? blankToNull(unitCode) : actor.scopeCode();
        if (unit == null || organisation.find(unit, organisation.today()).isEmpty()) {
            return List.of();
        }
        return campaigns.receivingFor(unit, day);
    }

    /** Whether the actor may reverse gifts of the unit, send receipts and record gifts there. */
    public boolean canManage(Actor actor, String unitCode) {
        return actor.canManage() && organisation.covers(actor, unitCode);
    }

    /**
     * The gifts carrying any of the given donor ids (a donor's identities after merges), newest
     * first, reversed ones included; for the donors' own pages, so no officer scope applies — the
     * caller names only the signed-in donor's ids.
     */
    public List<GiftView> giftsOfDonors(Collection<Long> donorIds) {
        if (donorIds == null || donorIds.isEmpty()) {
            return List.of();
        }
        List<GiftView> gifts = jdbc.sql(
                        "select * from donation where donor_id in (:donors) order by received_on desc, id desc")
                .param("donors", List.copyOf(donorIds))
                .query((rs, n) -> view(rs, List.of()))
                .list();
        return withItems(gifts);
    }

    /** The receipt PDF of a gift that carries one of the given donor ids; not found for anyone else's gift. */
    public byte[] receiptPdfForDonor(GiftId id, Collection<Long> donorIds) {
        GiftView gift = load(id.value())
                .filter(g -> donorIds != null && donorIds.contains(g.donorId()))
                .orElseThrow(() -> new DonationNotFound("gift " + id));
        return receipts.render(gift, campaignName(gift.campaignId()));
    }

    // ---- receipts -----------------------------------------------------------------------------

    /** The receipt of a gift as a PDF (Vietnamese, A5). */
    public byte[] receiptPdf(GiftId id) {
        GiftView gift = get(id);
        return receipts.render(gift, campaignName(gift.campaignId()));
    }

    /** Mails the receipt PDF to the address given, or the donor's; returns the address used. */
    @Transactional
    public String sendReceipt(GiftId id, String email) {
        GiftView gift = get(id);
        organisation.requireManageable(CurrentActor.get(), gift.receivingUnitCode());
        String to = blankToNull(email) == null ? gift.donorEmail() : email.strip();
        if (to == null || to.length() > 254 || !to.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidDonation.of("email", "donation.error.donorEmail");
        }
        String campaign = campaignName(gift.campaignId());
        mails.receipt(gift, campaign, to, receipts.render(gift, campaign));
        return to;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The campaign's name, or its code when it no longer exists. */
    public String campaignName(long campaignId) {
        return campaigns.find(new CampaignId(campaignId)).map(Campaign::name).orElse("CT" + campaignId);
    }

    /** The receiving unit and the units above it, for scope filters. */
    String[] unitPath(String unitCode) {
        List<String> path = new ArrayList<>();
        path.add(unitCode);
        organisation.ancestors(unitCode, organisation.today()).forEach(a -> path.add(a.code()));
        return path.toArray(String[]::new);
    }

    static String searchText(String donorName, String message, String receiptNumber) {
        return VietnameseText.fold(
                (donorName == null ? "" : donorName) + " " + (message == null ? "" : message) + " " + receiptNumber);
    }

    private void requireReader(Actor actor) {
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read the gift list");
        }
    }

    private void requireReadable(Actor actor, String unitCode) {
        requireReader(actor);
        if (!organisation.covers(actor, unitCode)) {
            throw new OutsideScope(actor.username() + " may not read gifts of " + unitCode);
        }
    }

    Optional<GiftView> load(long id) {
        List<GiftView.Item> items = jdbc.sql("select * from donation_item where donation_id = ? order by position")
                .param(id)
                .query((rs, n) -> item(rs))
                .list();
        return jdbc.sql("select * from donation where id = ?")
                .param(id)
                .query((rs, n) -> view(rs, items))
                .optional();
    }

    private List<GiftView> withItems(List<GiftView> gifts) {
        List<Long> ids = gifts.stream()
                .filter(g -> g.channel().inKind())
                .map(g -> g.id().value())
                .toList();
        if (ids.isEmpty()) {
            return gifts;
        }
        Map<Long, List<GiftView.Item>> items = new HashMap<>();
        jdbc.sql("select * from donation_item where donation_id in (:ids) order by donation_id, position")
                .param("ids", ids)
                .query(rs -> {
                    items.computeIfAbsent(rs.getLong("donation_id"), k -> new ArrayList<>())
                            .add(item(rs));
                });
        return gifts.stream()
                .map(g -> items.containsKey(g.id().value()) ? withItems(g, items.get(g.id().value())) : g)
                .toList();
    }

    private static GiftView withItems(GiftView g, List<GiftView.Item> items) {
        return new GiftView(
                g.id(),
                g.campaignId(),
                g.receivingUnitCode(),
                g.channel(),
                g.donorId(),
                g.donorKind(),
                g.donorDomestic(),
                g.donorName(),
                g.donorPublicName(),
                g.donorEmail(),
                g.amount(),
                g.receivedOn(),
                g.needId(),
                g.earmarkCommuneCode(),
                g.earmarkCategoryCode(),
                g.message(),
                g.receivedBy(),
                g.recordedBy(),
                g.receiptYear(),
                g.receiptSequence(),
                items,
                g.reversedAt(),
                g.reversedBy(),
                g.reverseReason(),
                g.createdAt());
    }

    private static GiftView.Item item(ResultSet rs) throws SQLException {
        return new GiftView.Item(
                rs.getString("name"),
                rs.getLong("quantity"),
                rs.getString("unit"),
                Vnd.of(rs.getLong("value_dong")),
                rs.getString("condition"),
                rs.getObject("expires_on", LocalDate.class));
    }

    static GiftView view(ResultSet rs, List<GiftView.Item> items) throws SQLException {
        Timestamp reversed = rs.getTimestamp("reversed_at");
        long need = rs.getLong("need_id");
        boolean noNeed = rs.wasNull();
        return new GiftView(
                new GiftId(rs.getLong("id")),
                rs.getLong("campaign_id"),
                rs.getString("receiving_unit_code"),
                Channel.valueOf(rs.getString("channel")),
                rs.getLong("donor_id"),
                rs.getString("donor_kind"),
                rs.getBoolean("donor_domestic"),
                rs.getString("donor_name"),
                rs.getString("donor_public_name"),
                rs.getString("donor_email"),
                Vnd.of(rs.getLong("amount_dong")),
                rs.getObject("received_on", LocalDate.class),
                noNeed ? null : need,
                rs.getString("earmark_commune_code"),
                rs.getString("earmark_category_code"),
                rs.getString("message"),
                rs.getString("received_by"),
                rs.getString("recorded_by"),
                rs.getInt("receipt_year"),
                rs.getInt("receipt_number"),
                items,
                reversed == null ? null : reversed.toInstant(),
                rs.getString("reversed_by"),
                rs.getString("reverse_reason"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Map<String, Object> audit(GiftView gift) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("campaignId", gift.campaignId());
        state.put("receiptNumber", gift.receiptNumber());
        state.put("channel", gift.channel().name());
        state.put("donorId", gift.donorId());
        state.put("amountDong", gift.amount().dong());
        state.put("receivedOn", gift.receivedOn().toString());
        if (gift.needId() != null) {
            state.put("needId", gift.needId());
        }
        if (gift.earmarkCommuneCode() != null) {
            state.put("communeCode", gift.earmarkCommuneCode());
        }
        if (gift.earmarkCategoryCode() != null) {
            state.put("categoryCode", gift.earmarkCategoryCode());
        }
        if (!gift.items().isEmpty()) {
            state.put("items", gift.items().size());
        }
        return state;
    }

    private static void problem(List<InvalidDonation.Problem> problems, String field, String key, Object... args) {
        problems.add(new InvalidDonation.Problem(field, key, Arrays.asList(args)));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String date(LocalDate day) {
        return day == null ? "" : day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
