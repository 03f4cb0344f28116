package vn.chungtay.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.child.ChildForm;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ChildView;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.Schooling;
import vn.chungtay.child.Sex;
import vn.chungtay.ledger.AllocationPosting;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/**
 * Test data for deliveries: a published need funded through the ledger (a campaign, a gift received
 * and allocated to the need), children with or without consent, and small files of each kind.
 */
final class DeliveryMother {

    static final Actor CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
    private static final Random RANDOM = new Random();
    private static final List<String> SYLLABLES =
            List.of("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Minh", "Nga", "Oanh", "Phúc");

    /** A funded need and the campaign whose money was allocated to it. */
    record Funded(NeedView need, CampaignId campaign) {
        long needId() {
            return need.id().value();
        }
    }

    private final NeedManagement needs;
    private final CampaignManagement campaigns;
    private final Ledger ledger;
    private final ChildManagement children;
    private final OrganisationManagement organisation;

    DeliveryMother(
            NeedManagement needs,
            CampaignManagement campaigns,
            Ledger ledger,
            ChildManagement children,
            OrganisationManagement organisation) {
        this.needs = needs;
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.children = children;
        this.organisation = organisation;
    }

    LocalDate today() {
        return organisation.today();
    }

    String village(String commune) {
        LocalDate today = today();
        return organisation.villages(commune, today).stream()
                .filter(v -> v.isValidOn(today))
                .map(OrgUnitView::code)
                .findFirst()
                .orElseThrow();
    }

    static String season() {
        return "Đợt kiểm thử " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A village need of the commune for {@code quantity × unitCost}, published and fully funded from one campaign. */
    Funded fundedNeed(String commune, String category, String season, int quantity, long unitCost) {
        return as(Actor.SYSTEM, () -> {
            NeedView draft = needs.create(new NeedForm(
                    "VILLAGE",
                    null,
                    village(commune),
                    null,
                    category,
                    "Nhu cầu cấp phát kiểm thử",
                    Integer.toString(quantity),
                    "bộ",
                    Long.toString(unitCost),
                    Integer.toString(today().getYear()),
                    season,
                    null,
                    "HIGH",
                    "12",
                    true));
            NeedId id = draft.id();
            needs.submit(id);
            needs.approve(id);
            needs.publish(id);
            CampaignId campaign = campaign(commune);
            Vnd total = draft.total();
            ledger.postReceipt(new ReceiptPosting(
                    campaign,
                    commune,
                    today(),
                    total,
                    null,
                    1L,
                    "Nhà hảo tâm",
                    "Ủng hộ kiểm thử",
                    "test-" + UUID.randomUUID()));
            ledger.allocate(new AllocationPosting(
                    campaign, commune, Destination.toNeed(id.value()), today(), total, null, "Phân bổ kiểm thử"));
            return new Funded(needs.get(id), campaign);
        });
    }

    /** A village need for {@code quantity} pieces, funded by the same goods given in kind and allocated as goods. */
    Funded fundedInKind(String commune, String itemName, String unit, int quantity, long unitValue) {
        return as(Actor.SYSTEM, () -> {
            NeedView draft = needs.create(new NeedForm(
                    "VILLAGE",
                    null,
                    village(commune),
                    null,
                    "DO_AM",
                    "Nhu cầu hiện vật kiểm thử",
                    Integer.toString(quantity),
                    unit,
                    Long.toString(unitValue),
                    Integer.toString(today().getYear()),
                    season(),
                    null,
                    "HIGH",
                    Integer.toString(quantity),
                    true));
            NeedId id = draft.id();
            needs.submit(id);
            needs.approve(id);
            needs.publish(id);
            CampaignId campaign = campaign(commune);
            vn.chungtay.ledger.Item goods = new vn.chungtay.ledger.Item(itemName, unit, quantity);
            ledger.postReceipt(new ReceiptPosting(
                    campaign,
                    commune,
                    today(),
                    draft.total(),
                    goods,
                    1L,
                    "Công ty kiểm thử",
                    "Tặng hiện vật",
                    "test-" + UUID.randomUUID()));
            ledger.allocate(new AllocationPosting(
                    campaign, commune, Destination.toNeed(id.value()), today(), Vnd.ZERO, goods, "Phân bổ hiện vật"));
            return new Funded(needs.get(id), campaign);
        });
    }

    CampaignId campaign(String commune) {
        Campaign campaign = as(
                Actor.SYSTEM,
                () -> campaigns.create(new CampaignForm(
                        "Vận động kiểm thử " + UUID.randomUUID().toString().substring(0, 6),
                        commune,
                        today().minusDays(30),
                        today().plusDays(30),
                        0L,
                        null,
                        List.of(),
                        List.of())));
        return campaign.id();
    }

    /** A child of the village, with the guardian's (and the child's own) consent. */
    ChildView consentedChild(String village) {
        return as(CU_JUT, () -> children.register(childForm(village, true)));
    }

    /** A child of the village saved as a draft: no consent, so its data may not be used. */
    ChildView draftChild(String village) {
        return as(CU_JUT, () -> children.register(childForm(village, false)));
    }

    private ChildForm childForm(String village, boolean consented) {
        LocalDate today = today();
        LocalDate born = today.minusYears(9).minusDays(RANDOM.nextInt(300));
        String name = "Y Thử " + syllable() + " " + syllable() + " " + syllable() + " " + syllable();
        return new ChildForm(
                name,
                born,
                Sex.MALE,
                "12",
                village,
                "H'Nga " + syllable() + " " + syllable() + " " + syllable(),
                "Mẹ",
                "0912345678",
                HouseholdPoverty.POOR,
                null,
                Schooling.PRIMARY,
                null,
                Set.of(),
                null,
                null,
                null,
                consented ? "Người Giám Hộ" : null,
                consented ? today.minusDays(2) : null,
                consented ? ConsentMethod.WRITTEN : null,
                consented ? Set.of(ConsentPurpose.PROCESSING, ConsentPurpose.ANONYMOUS_MENTION) : Set.of(),
                consented ? name : null,
                consented ? today.minusDays(2) : null,
                !consented,
                true);
    }

    private static String syllable() {
        return SYLLABLES.get(RANDOM.nextInt(SYLLABLES.size()));
    }

    static <T> T as(Actor actor, Supplier<T> work) {
        Object[] result = new Object[1];
        CurrentActor.runAs(actor, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** A tiny PNG: the signature and a few bytes. */
    static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        for (int i = signature.length; i < bytes.length; i++) {
            bytes[i] = (byte) RANDOM.nextInt(256);
        }
        return bytes;
    }
}
