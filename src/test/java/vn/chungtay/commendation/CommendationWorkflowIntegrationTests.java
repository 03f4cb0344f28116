package vn.chungtay.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

@IntegrationTest
class CommendationWorkflowIntegrationTests {

    static final Actor CUJUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
    static final Actor NAMDONG = new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649");
    static final Actor PROVINCE = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");

    @Autowired
    CommendationManagement commendations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<IndicatorProvider> providers;

    static LocalDate[] period() {
        LocalDate from =
                LocalDate.of(2026, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300));
        return new LocalDate[] {
            from, from.plusDays(1 + ThreadLocalRandom.current().nextInt(5000))
        };
    }

    private static <T> T as(Actor actor, java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        CurrentActor.runAs(actor, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private long draft() {
        LocalDate[] p = period();
        return CommendationMother.draft(
                jdbc,
                "24640",
                "COMMUNE",
                2026,
                p[0],
                p[1],
                List.of(CommendationMother.NHUNG, CommendationMother.PHUOC_LOC, CommendationMother.KOBE));
    }

    @Test
    void theCommuneReviewsAndSubmitsAndTheProvinceDecidesEachCandidate() {
        long id = draft();
        Proposal draft = commendations.get(id);
        Candidate nhung = byDonor(draft, CommendationMother.NHUNG);
        Candidate phuocLoc = byDonor(draft, CommendationMother.PHUOC_LOC);
        Candidate kobe = byDonor(draft, CommendationMother.KOBE);

        assertThatThrownBy(() -> as(CUJUT, () -> commendations.exclude(kobe.id(), "  ")))
                .isInstanceOf(InvalidCommendationInput.class);
        as(CUJUT, () -> commendations.exclude(kobe.id(), "Đã được tỉnh khen trong năm"));
        as(CUJUT, () -> commendations.describe(nhung.id(), "Ủng hộ 250 áo ấm cho trẻ em Buôn Buôr"));
        assertThatThrownBy(() -> as(NAMDONG, () -> commendations.describe(nhung.id(), "x")))
                .isInstanceOf(OutsideScope.class);
        assertThatThrownBy(() -> as(CUJUT, () -> commendations.decide(nhung.id(), true, null)))
                .isInstanceOf(OutsideScope.class);

        Proposal submitted = as(CUJUT, () -> commendations.submit(id));
        assertThat(submitted.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(submitted.documentNumber()).matches("\\d{2,}/TTr-MTTQ");
        assertThat(submitted.proposed()).hasSize(2);
        assertThatThrownBy(() -> as(CUJUT, () -> commendations.include(kobe.id())))
                .isInstanceOf(CommendationStepRefused.class);
        assertThatThrownBy(() -> as(CUJUT, () -> commendations.decide(nhung.id(), true, null)))
                .isInstanceOf(OutsideScope.class);
        assertThatThrownBy(() -> as(PROVINCE, () -> commendations.decide(kobe.id(), true, null)))
                .isInstanceOf(CommendationStepRefused.class);

        as(PROVINCE, () -> commendations.decide(nhung.id(), true, null));
        assertThatThrownBy(() -> as(PROVINCE, () -> commendations.decide(phuocLoc.id(), false, "")))
                .isInstanceOf(InvalidCommendationInput.class);
        Proposal decided =
                as(PROVINCE, () -> commendations.decide(phuocLoc.id(), false, "Đề nghị xét ở hình thức giấy khen"));
        assertThatThrownBy(() -> as(PROVINCE, () -> commendations.decide(nhung.id(), false, "đổi ý")))
                .isInstanceOf(CommendationStepRefused.class);

        assertThat(decided.status()).isEqualTo(ProposalStatus.DECIDED);
        assertThat(decided.decidedOn()).isNotNull();
        assertThat(byDonor(decided, CommendationMother.NHUNG).decision()).isEqualTo(Decision.APPROVED);
        assertThat(byDonor(decided, CommendationMother.NHUNG).achievements()).contains("Buôn Buôr");
        assertThat(byDonor(decided, CommendationMother.PHUOC_LOC).decisionReason())
                .contains("giấy khen");
        assertThat(byDonor(decided, CommendationMother.KOBE).decision()).isEqualTo(Decision.PENDING);

        List<String> audited = jdbc.sql("""
                        select action from audit_entry
                        where entity_type like 'Commendation%' and (entity_id = ? or entity_id in (?, ?, ?))
                        order by id""")
                .params(
                        Long.toString(id),
                        Long.toString(nhung.id()),
                        Long.toString(phuocLoc.id()),
                        Long.toString(kobe.id()))
                .query(String.class)
                .list();
        assertThat(audited).contains("EXCLUDE", "UPDATE", "SUBMIT", "APPROVE", "REJECT");

        Long proposedFigure = providers.stream()
                .filter(p -> p.indicators().stream().anyMatch(i -> i.code().equals("commendation.proposed")))
                .findFirst()
                .orElseThrow()
                .figures(new FigureScope("24640", Set.of("24640"), decided.submittedOn(), decided.submittedOn()))
                .get("commendation.proposed");
        assertThat(proposedFigure).isGreaterThanOrEqualTo(2);
    }

    @Test
    void nothingIsSubmittedWhenEveryoneIsExcluded() {
        LocalDate[] p = period();
        long id =
                CommendationMother.draft(jdbc, "24640", "COMMUNE", 2026, p[0], p[1], List.of(CommendationMother.DUNG));
        Candidate dung = commendations.get(id).candidates().get(0);
        as(CUJUT, () -> commendations.exclude(dung.id(), "Nhà tài trợ xin không nhận khen thưởng"));
        assertThatThrownBy(() -> as(CUJUT, () -> commendations.submit(id))).isInstanceOf(CommendationStepRefused.class);
        assertThat(commendations.get(id).status()).isEqualTo(ProposalStatus.DRAFT);
    }

    @Test
    void provinceOfficersSetRulesOfTheirProvinceAndTheNearestRulesApply() {
        // a year no other test has rules for (a random one could meet another test's national rule)
        int year = jdbc.sql("select y from generate_series(2040, 2099) y"
                        + " where not exists (select 1 from commendation_rule r where r.year = y)"
                        + " order by random() limit 1")
                .query(Integer.class)
                .single();
        assertThatThrownBy(() -> as(
                        CUJUT,
                        () -> commendations.saveRule(new RuleForm(
                                "68",
                                year,
                                "COMMUNE",
                                "GIAY_KHEN",
                                "INDIVIDUAL",
                                "DOMESTIC",
                                10_000_000L,
                                "DELIVERED"))))
                .isInstanceOf(OutsideScope.class);
        assertThatThrownBy(() -> as(
                        PROVINCE,
                        () -> commendations.saveRule(new RuleForm(
                                null,
                                year,
                                "COMMUNE",
                                "GIAY_KHEN",
                                "INDIVIDUAL",
                                "DOMESTIC",
                                10_000_000L,
                                "DELIVERED"))))
                .isInstanceOf(OutsideScope.class);
        assertThatThrownBy(() -> as(
                        PROVINCE,
                        () -> commendations.saveRule(new RuleForm(
                                "68", year, "COMMUNE", "GIAY_KHEN", "INDIVIDUAL", "DOMESTIC", 0L, "DELIVERED"))))
                .isInstanceOfSatisfying(
                        InvalidCommendationInput.class,
                        e -> assertThat(e.field()).isEqualTo("thresholdDong"));
        assertThatThrownBy(() -> as(
                        PROVINCE,
                        () -> commendations.saveRule(new RuleForm(
                                "68", year, "COMMUNE", "HUAN_CHUONG", "INDIVIDUAL", "DOMESTIC", 5L, "DELIVERED"))))
                .isInstanceOfSatisfying(
                        InvalidCommendationInput.class,
                        e -> assertThat(e.field()).isEqualTo("form"));

        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> commendations.saveRule(new RuleForm(
                        null, year, "COMMUNE", "THU_CAM_ON", "INDIVIDUAL", "DOMESTIC", 1_000_000L, "RECEIVED")));
        assertThat(commendations.applicableRules("24640", ProposingLevel.COMMUNE, year))
                .singleElement()
                .satisfies(r -> assertThat(r.unitCode()).isNull());

        as(
                PROVINCE,
                () -> commendations.saveRule(new RuleForm(
                        "68", year, "COMMUNE", "GIAY_KHEN", "INDIVIDUAL", "DOMESTIC", 10_000_000L, "DELIVERED")));
        CommendationRule replaced = as(
                PROVINCE,
                () -> commendations.saveRule(new RuleForm(
                        "68", year, "COMMUNE", "GIAY_KHEN", "INDIVIDUAL", "DOMESTIC", 12_000_000L, "RECEIVED")));
        assertThat(commendations.applicableRules("24640", ProposingLevel.COMMUNE, year))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo(replaced.id());
                    assertThat(r.unitCode()).isEqualTo("68");
                    assertThat(r.threshold()).isEqualTo(Vnd.of(12_000_000));
                    assertThat(r.basis()).isEqualTo(ValueBasis.RECEIVED);
                });
        CurrentActor.runAs(PROVINCE, () -> commendations.deactivateRule(replaced.id()));
        assertThat(commendations.applicableRules("24640", ProposingLevel.COMMUNE, year))
                .singleElement()
                .satisfies(r -> assertThat(r.unitCode()).isNull());
    }

    private static Candidate byDonor(Proposal proposal, CommendationMother.Donor donor) {
        return proposal.candidates().stream()
                .filter(c -> c.donorId() == donor.id())
                .findFirst()
                .orElseThrow();
    }
}
