package vn.chungtay.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/** Campaigns, published needs and receipts for ledger tests, each with unique names. */
final class LedgerMother {

    private final CampaignManagement campaigns;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final Ledger ledger;

    LedgerMother(
            CampaignManagement campaigns, NeedManagement needs, OrganisationManagement organisation, Ledger ledger) {
        this.campaigns = campaigns;
        this.needs = needs;
        this.organisation = organisation;
        this.ledger = ledger;
    }

    static <T> T as(Actor actor, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        CurrentActor.runAs(actor, () -> result.set(work.get()));
        return result.get();
    }

    LocalDate today() {
        return organisation.today();
    }

    Campaign campaign(String unitCode) {
        return as(
                Actor.SYSTEM,
                () -> campaigns.create(new CampaignForm(
                        "Chiến dịch kiểm thử sổ cái " + UUID.randomUUID(),
                        unitCode,
                        today().minusDays(60),
                        today().plusDays(60),
                        100_000_000L,
                        null,
                        List.of(),
                        List.of())));
    }

    String village(String communeCode) {
        return organisation.villages(communeCode, today()).stream()
                .filter(v -> v.validTo() == null)
                .findFirst()
                .orElseThrow()
                .code();
    }

    /** A published village need of the commune: {@code quantity} items at {@code unitCost} đồng. */
    NeedView publishedNeed(String communeCode, int quantity, long unitCost) {
        return as(Actor.SYSTEM, () -> {
            NeedView draft = needs.create(new NeedForm(
                    "VILLAGE",
                    null,
                    village(communeCode),
                    null,
                    "DO_AM",
                    "Áo ấm kiểm thử sổ cái",
                    Integer.toString(quantity),
                    "cái",
                    Long.toString(unitCost),
                    Integer.toString(today().getYear()),
                    "Đợt " + UUID.randomUUID().toString().substring(0, 8),
                    null,
                    "HIGH",
                    Integer.toString(quantity),
                    true));
            NeedId id = draft.id();
            needs.submit(id);
            needs.approve(id);
            return needs.publish(id);
        });
    }

    NeedView need(NeedId id) {
        return needs.lookup(id).orElseThrow();
    }

    LedgerEntry receipt(Campaign campaign, long amount, String message) {
        return ledger.postReceipt(new ReceiptPosting(
                campaign.id(),
                campaign.unitCode(),
                today(),
                Vnd.of(amount),
                null,
                77_001L,
                "Nguyễn Văn Kiểm Thử",
                message,
                "test-" + UUID.randomUUID()));
    }

    LedgerEntry allocateToNeed(Campaign campaign, NeedView need, long amount) {
        return ledger.allocate(new AllocationPosting(
                campaign.id(), null, Destination.toNeed(need.id().value()), today(), Vnd.of(amount), null, null));
    }

    LedgerEntry deliverFromNeed(Campaign campaign, NeedView need, long amount, int children) {
        return ledger.deliver(new DeliveryPosting(
                campaign.id(),
                Destination.toNeed(need.id().value()),
                today(),
                Vnd.of(amount),
                null,
                children,
                "delivery-" + UUID.randomUUID()));
    }
}
