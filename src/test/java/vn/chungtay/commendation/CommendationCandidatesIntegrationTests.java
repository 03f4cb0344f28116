package vn.chungtay.commendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.donor.DonorDirectory;
import vn.chungtay.donor.DonorKind;
import vn.chungtay.donor.DonorView;
import vn.chungtay.donor.NewDonor;
import vn.chungtay.ledger.AllocationPosting;
import vn.chungtay.ledger.DeliveryPosting;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * Candidates come from the ledger: in a commune no other test uses, with rules of that commune,
 * donors just above a threshold are in, just below are out, a reversed gift does not count, and a
 * rule on delivered value counts only what reached the children.
 */
@IntegrationTest
class CommendationCandidatesIntegrationTests {

    @Autowired
    CommendationManagement commendations;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    ObjectProvider<Ledger> ledgers;

    @Autowired
    ObjectProvider<DonorDirectory> directories;

    Ledger ledger;
    DonorDirectory donors;
    String commune;
    final String tag = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void aCommuneOfItsOwn() {
        ledger = ledgers.getIfAvailable();
        donors = directories.getIfAvailable();
        Assumptions.assumeTrue(
                ledger != null && donors != null, "the ledger and the donor register are not deployed yet");
        List<OrgUnitView> communes = organisation.subtree("04", organisation.today()).stream()
                .filter(OrgUnitView::isCommune)
                .toList();
        commune = communes.get(ThreadLocalRandom.current().nextInt(communes.size()))
                .code();
    }

    private <T> T system(java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        CurrentActor.runAs(Actor.SYSTEM, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private Campaign campaign() {
        return system(() -> campaigns.create(new CampaignForm(
                "Thử khen thưởng " + tag + " " + UUID.randomUUID().toString().substring(0, 4),
                commune,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                0L,
                2026,
                List.of(),
                List.of())));
    }

    private DonorView donor(String name, DonorKind kind, boolean domestic) {
        return system(() -> donors.findOrRegister(new NewDonor(
                name + " " + tag, kind, domestic, domestic ? "VN" : "JP", null, null, null, false, false)));
    }

    private LedgerEntry give(Campaign campaign, DonorView donor, long amount) {
        return system(() -> ledger.postReceipt(new ReceiptPosting(
                campaign.id(),
                commune,
                LocalDate.of(2026, 11, 3),
                Vnd.of(amount),
                null,
                donor.id().value(),
                donor.name(),
                "ung ho tre em",
                null)));
    }

    private void rule(String form, String group, String origin, long threshold, String basis) {
        system(() ->
                commendations.saveRule(new RuleForm(commune, 2026, "COMMUNE", form, group, origin, threshold, basis)));
    }

    @Test
    void donorsJustAboveTheThresholdAreInJustBelowAreOutAndReversedGiftsDoNotCount() {
        rule("THU_CAM_ON", "INDIVIDUAL", "DOMESTIC", 1_000_000, "RECEIVED");
        rule("GIAY_KHEN", "INDIVIDUAL", "DOMESTIC", 5_000_000, "RECEIVED");
        Campaign campaign = campaign();
        DonorView above = donor("Lê Thị Vừa Đủ", DonorKind.INDIVIDUAL, true);
        DonorView below = donor("Phạm Văn Thiếu", DonorKind.INDIVIDUAL, true);
        DonorView reversed = donor("Hoàng Văn Nhầm", DonorKind.INDIVIDUAL, true);
        DonorView twice = donor("Đỗ Thị Hai Lần", DonorKind.INDIVIDUAL, true);
        give(campaign, above, 1_000_001);
        give(campaign, below, 999_999);
        LedgerEntry mistaken = give(campaign, reversed, 5_000_000);
        system(() -> ledger.reverse(mistaken.id(), "Chuyển nhầm, đã hoàn trả"));
        give(campaign, twice, 3_000_000);
        give(campaign, twice, 2_000_000);

        Proposal proposal = system(() -> commendations.generate(commune, 2026, null, null));

        Map<Long, Candidate> byDonor =
                proposal.candidates().stream().collect(Collectors.toMap(Candidate::donorId, c -> c));
        assertThat(byDonor).containsKeys(above.id().value(), twice.id().value());
        assertThat(byDonor).doesNotContainKeys(below.id().value(), reversed.id().value());
        assertThat(byDonor.get(above.id().value()).form()).isEqualTo(CommendationForm.THU_CAM_ON);
        assertThat(byDonor.get(above.id().value()).value()).isEqualTo(Vnd.of(1_000_001));
        assertThat(byDonor.get(twice.id().value()).form()).isEqualTo(CommendationForm.GIAY_KHEN);
        assertThat(byDonor.get(twice.id().value()).value()).isEqualTo(Vnd.of(5_000_000));
        assertThat(byDonor.get(twice.id().value()).achievements()).contains("5.000.000");

        Candidate excluded = system(
                () -> commendations.exclude(byDonor.get(above.id().value()).id(), "Đã nhận thư năm trước"));
        Proposal again = system(() -> commendations.generate(commune, 2026, null, null));
        assertThat(again.id()).isEqualTo(proposal.id());
        assertThat(again.candidates())
                .filteredOn(c -> c.donorId() == above.id().value())
                .singleElement()
                .satisfies(c -> assertThat(c.excludedReason()).isEqualTo(excluded.excludedReason()));
    }

    @Test
    void aRuleOnDeliveredValueCountsOnlyWhatReachedTheChildren() {
        rule("THU_CAM_ON", "COLLECTIVE", "FOREIGN", 2_000_000, "DELIVERED");
        DonorView delivered = donor("Osaka Children Fund", DonorKind.FUND, false);
        DonorView waiting = donor("Nagoya Friendship Society", DonorKind.ORGANISATION, false);
        for (Object[] gift : new Object[][] {{delivered, 2_500_000L}, {waiting, 1_000_000L}}) {
            Campaign campaign = campaign();
            give(campaign, (DonorView) gift[0], 4_000_000);
            Destination destination = Destination.toCommune(commune, "DO_AM");
            system(() -> ledger.allocate(new AllocationPosting(
                    campaign.id(), commune, destination, LocalDate.of(2026, 11, 4), Vnd.of(3_000_000), null, "áo ấm")));
            system(() -> ledger.deliver(new DeliveryPosting(
                    campaign.id(),
                    destination,
                    LocalDate.of(2026, 11, 5),
                    Vnd.of((Long) gift[1]),
                    null,
                    12,
                    "delivery-" + tag)));
        }

        Proposal proposal = system(() -> commendations.generate(commune, 2026, null, null));

        assertThat(proposal.candidates())
                .extracting(Candidate::donorId)
                .contains(delivered.id().value())
                .doesNotContain(waiting.id().value());
        Candidate fund = proposal.candidates().stream()
                .filter(c -> c.donorId() == delivered.id().value())
                .findFirst()
                .orElseThrow();
        assertThat(fund.value()).isEqualTo(Vnd.of(2_500_000));
        assertThat(fund.basis()).isEqualTo(ValueBasis.DELIVERED);
        assertThat(fund.domestic()).isFalse();
        assertThat(fund.achievements()).startsWith("Gave 2.500.000 ₫");
    }
}
