package vn.chungtay.donorportal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.donation.DonationManagement;
import vn.chungtay.donation.GiftId;
import vn.chungtay.donation.GiftView;
import vn.chungtay.donor.DonorDirectory;
import vn.chungtay.donor.DonorId;
import vn.chungtay.donor.DonorView;
import vn.chungtay.donorportal.internal.StatementDocument;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.ledger.EntryKind;
import vn.chungtay.ledger.GiftDestination;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.notification.OutgoingMail;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;

/**
 * What a signed-in donor may see of their own giving: their gifts over every identity merged into
 * their donor record, where each went (from the ledger, first in first out), receipts and a yearly
 * statement. Anyone without a linked donor record is refused; another donor's gift is not found.
 */
@Service
@Transactional(readOnly = true)
public class DonorPortal {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final IdentityManagement identity;
    private final DonorDirectory donors;
    private final DonationManagement donations;
    private final Ledger ledger;
    private final OrganisationManagement organisation;
    private final NeedManagement needs;
    private final StatementDocument statements;
    private final MailOutbox outbox;
    private final MessageSource messages;

    DonorPortal(
            IdentityManagement identity,
            DonorDirectory donors,
            DonationManagement donations,
            Ledger ledger,
            OrganisationManagement organisation,
            NeedManagement needs,
            StatementDocument statements,
            MailOutbox outbox,
            MessageSource messages) {
        this.identity = identity;
        this.donors = donors;
        this.donations = donations;
        this.ledger = ledger;
        this.organisation = organisation;
        this.needs = needs;
        this.statements = statements;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** The signed-in donor's record (after merges). */
    public DonorView me() {
        return donors.get(new DonorId(myDonorId()));
    }

    /** The signed-in donor's gifts, newest first, each with where it went (category names in the given language). */
    public List<MyGift> myGifts(Locale locale) {
        return toMyGifts(donations.giftsOfDonors(myIdentities()), locale);
    }

    /** The receipt of one of the donor's own gifts; another donor's gift is not found. */
    public byte[] receiptPdf(long giftId) {
        return donations.receiptPdfForDonor(new GiftId(giftId), myIdentities());
    }

    /** The donor's gifts of a year, reversed ones left out, with totals. */
    public YearStatement statement(int year) {
        DonorView me = me();
        List<MyGift> gifts = myGifts(VI).stream()
                .filter(g -> !g.reversed() && g.receivedOn().getYear() == year)
                .sorted((a, b) -> a.receivedOn().compareTo(b.receivedOn()))
                .toList();
        Vnd received = gifts.stream().map(MyGift::amount).reduce(Vnd.ZERO, Vnd::plus);
        Vnd allocated = gifts.stream().map(MyGift::allocated).reduce(Vnd.ZERO, Vnd::plus);
        Vnd delivered = gifts.stream().map(MyGift::delivered).reduce(Vnd.ZERO, Vnd::plus);
        return new YearStatement(year, me.name(), me.email(), gifts, received, allocated, delivered);
    }

    /** The yearly statement as a PDF in Vietnamese. */
    public byte[] statementPdf(int year) {
        return statements.render(statement(checkedYear(year)));
    }

    /**
     * Puts the yearly statement in the mail outbox, as a PDF attachment, to the donor's e-mail
     * address; returns the address. {@link NoEmailAddress} when the donor has none.
     */
    @Transactional
    public String mailStatement(int year) {
        YearStatement statement = statement(checkedYear(year));
        String to = statement.donorEmail();
        if (to == null || to.isBlank()) {
            throw new NoEmailAddress();
        }
        byte[] pdf = statements.render(statement);
        String subject = m("donor.portal.mail.subject", String.valueOf(year));
        String text = m("donor.portal.mail.greeting", statement.donorName()) + "\n\n"
                + m(
                        "donor.portal.mail.body",
                        String.valueOf(year),
                        statement.received().formatted()) + "\n\n"
                + m("donor.portal.mail.signature");
        String html = "<!DOCTYPE html><html lang=\"vi\"><body style=\"font-family: sans-serif\">"
                + java.util.Arrays.stream(text.split("\n\n"))
                        .map(p -> "<p>" + vn.chungtay.shared.document.PdfDocuments.escape(p) + "</p>")
                        .collect(Collectors.joining())
                + "</body></html>";
        outbox.enqueue(new OutgoingMail(
                to.strip(),
                subject,
                html,
                text,
                List.of(new OutgoingMail.Attachment("bang-ke-" + year + ".pdf", "application/pdf", pdf))));
        return to.strip();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private int checkedYear(int year) {
        if (year < 2000 || year > organisation.today().getYear()) {
            throw new StatementYearNotFound(year);
        }
        return year;
    }

    private long myDonorId() {
        Actor actor = CurrentActor.get();
        return identity.linkedDonorId(actor)
                .orElseThrow(() -> new OutsideScope(actor.username() + " is not linked to a donor"));
    }

    private Set<Long> myIdentities() {
        return donors.identities(new DonorId(myDonorId())).stream()
                .map(DonorId::value)
                .collect(Collectors.toSet());
    }

    private List<MyGift> toMyGifts(List<GiftView> gifts, Locale locale) {
        Map<String, String> categories = needs.categories().stream()
                .collect(Collectors.toMap(SupportCategory::code, c -> c.name(locale), (a, b) -> a));
        Map<String, String> places = new HashMap<>();
        LocalDate today = organisation.today();
        List<MyGift> out = new ArrayList<>();
        for (GiftView gift : gifts) {
            List<MyGift.Went> went = new ArrayList<>();
            for (LedgerEntry entry : ledger.entriesFor(Long.toString(gift.id().value()))) {
                if (entry.kind() != EntryKind.RECEIPT) {
                    continue;
                }
                for (GiftDestination d : ledger.whereWent(entry.id())) {
                    went.add(new MyGift.Went(
                            d.date(),
                            place(places, d.communeCode(), today),
                            place(places, d.villageCode(), today),
                            d.categoryCode() == null
                                    ? null
                                    : categories.getOrDefault(d.categoryCode(), d.categoryCode()),
                            d.allocated(),
                            d.delivered(),
                            d.childrenCount()));
                }
            }
            out.add(new MyGift(
                    gift.id().value(),
                    gift.receivedOn(),
                    donations.campaignName(gift.campaignId()),
                    gift.channel().name(),
                    gift.amount(),
                    gift.items().stream()
                            .map(i -> i.name() + " — " + i.quantity() + " " + (i.unit() == null ? "" : i.unit()))
                            .toList(),
                    gift.receiptNumber(),
                    gift.reversed(),
                    gift.reverseReason(),
                    went));
        }
        return out;
    }

    private String place(Map<String, String> cache, String code, LocalDate today) {
        if (code == null) {
            return null;
        }
        return cache.computeIfAbsent(
                code, c -> organisation.find(c, today).map(OrgUnitView::name).orElse(c));
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }
}
