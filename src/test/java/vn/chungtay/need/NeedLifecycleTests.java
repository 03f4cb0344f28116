package vn.chungtay.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.chungtay.need.internal.Need;
import vn.chungtay.need.internal.NeedDetails;
import vn.chungtay.shared.money.Vnd;

class NeedLifecycleTests {

    static Need draft() {
        return Need.draft(
                new NeedDetails(
                        NeedTarget.VILLAGE,
                        null,
                        "24640-05",
                        "24640",
                        "68",
                        null,
                        "DO_AM",
                        "Áo ấm",
                        10,
                        "cái",
                        Vnd.of(250_000),
                        2026,
                        "Mùa đông 2026",
                        null,
                        Priority.HIGH,
                        10,
                        "buon buor",
                        "xa cu jut"),
                "xa.cujut",
                Instant.now());
    }

    static Need published() {
        Need need = draft();
        need.submit();
        need.approve();
        need.publish(Instant.now());
        return need;
    }

    private static String ruleOf(Runnable step) {
        try {
            step.run();
        } catch (NeedRuleViolated e) {
            return e.rule();
        }
        throw new AssertionError("the step was allowed");
    }

    @Test
    void totalIsQuantityTimesUnitCost() {
        assertThat(draft().total()).isEqualTo(Vnd.of(2_500_000));
    }

    @Test
    void goesFromDraftToClosedThroughEveryState() {
        Need need = draft();
        need.submit();
        assertThat(need.isSubmitted()).isTrue();
        need.approve();
        assertThat(need.getStatus()).isEqualTo(NeedStatus.APPROVED);
        need.publish(Instant.now());
        assertThat(need.getStatus()).isEqualTo(NeedStatus.PUBLISHED);
        need.recordFunding(Vnd.of(1_000_000));
        assertThat(need.getStatus()).isEqualTo(NeedStatus.PARTLY_FUNDED);
        assertThat(need.funded().percentOf(need.total())).isEqualTo(40);
        need.recordFunding(Vnd.of(1_500_000));
        assertThat(need.getStatus()).isEqualTo(NeedStatus.FUNDED);
        assertThat(need.funded()).isEqualTo(need.total());
        need.markDelivered();
        need.close();
        assertThat(need.getStatus()).isEqualTo(NeedStatus.CLOSED);
    }

    @Test
    void rejectsSkippingApprovalAndPublishingTwice() {
        assertThat(ruleOf(() -> draft().publish(Instant.now()))).isEqualTo("onlyApprovedNeedsArePublished");
        assertThat(ruleOf(() -> draft().approve())).isEqualTo("onlySubmittedDraftsAreApproved");
        assertThat(ruleOf(() -> published().publish(Instant.now()))).isEqualTo("onlyApprovedNeedsArePublished");
        Need submitted = draft();
        submitted.submit();
        assertThat(ruleOf(submitted::submit)).isEqualTo("onlyDraftsAreSubmitted");
    }

    @Test
    void rejectsFundingBeforePublicationAndAfterFunded() {
        assertThat(ruleOf(() -> draft().recordFunding(Vnd.of(1)))).isEqualTo("fundingOnlyWhilePublished");
        Need funded = published();
        funded.recordFunding(Vnd.of(2_500_000));
        assertThat(ruleOf(() -> funded.recordFunding(Vnd.of(1)))).isEqualTo("fundingOnlyWhilePublished");
        assertThatThrownBy(() -> published().recordFunding(Vnd.ZERO)).isInstanceOf(InvalidNeedInput.class);
    }

    @Test
    void withdrawnFundingGoesBackDownAndReopensTheNeed() {
        Need need = published();
        need.recordFunding(Vnd.of(2_500_000));
        assertThat(need.getStatus()).isEqualTo(NeedStatus.FUNDED);
        need.withdrawFunding(Vnd.of(1_000_000));
        assertThat(need.auditState()).containsEntry("fundedDong", 1_500_000L);
        assertThat(need.getStatus()).isEqualTo(NeedStatus.PARTLY_FUNDED);
        need.withdrawFunding(Vnd.of(1_500_000));
        assertThat(need.getStatus()).isEqualTo(NeedStatus.PUBLISHED);
        assertThat(ruleOf(() -> need.withdrawFunding(Vnd.of(1)))).isEqualTo("fundingWithdrawnOnlyBeforeDelivery");
    }

    @Test
    void deliveryNeedsFullFundingAndClosingNeedsDelivery() {
        Need partly = published();
        partly.recordFunding(Vnd.of(100));
        assertThat(ruleOf(partly::markDelivered)).isEqualTo("onlyFundedNeedsAreDelivered");
        assertThat(ruleOf(() -> published().close())).isEqualTo("onlyDeliveredNeedsAreClosed");
    }

    @Test
    void cancelNeedsAReasonAndNoMoneyReceived() {
        assertThatThrownBy(() -> draft().cancel("  ")).isInstanceOf(InvalidNeedInput.class);
        Need partly = published();
        partly.recordFunding(Vnd.of(100));
        assertThat(ruleOf(() -> partly.cancel("trùng"))).isEqualTo("cancelOnlyBeforeFunding");
        Need need = published();
        need.cancel("Đã có đơn vị khác hỗ trợ");
        assertThat(need.getStatus()).isEqualTo(NeedStatus.CANCELLED);
        assertThat(need.getCancelReason()).isEqualTo("Đã có đơn vị khác hỗ trợ");
        assertThat(ruleOf(() -> need.cancel("lại"))).isEqualTo("cancelOnlyBeforeFunding");
    }

    @Test
    void onlyDraftsAreEdited() {
        Need need = published();
        assertThat(ruleOf(() -> need.edit(null))).isEqualTo("onlyDraftsAreEdited");
    }

    @Test
    void auditStateNeverHoldsTheChild() {
        Need need = draft();
        need.withdrawChildDetails(true);
        assertThat(need.auditState()).doesNotContainKeys("childId", "child");
        assertThat(need.isChildDetailsWithdrawn()).isTrue();
    }
}
