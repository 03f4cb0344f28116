package vn.chungtay.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.VillageForm;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/** Test data for supervision: the demo people, a plan over a fresh village of its own, forms. */
final class SupervisionMother {

    static final Actor SUPERVISOR = new Actor("giamsat.lamdong", Role.SUPERVISOR, "68");
    static final Actor PROVINCE = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");
    static final Actor CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
    static final Actor NAM_DONG = new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649");

    private SupervisionMother() {}

    static <T> T as(Actor actor, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        CurrentActor.runAs(actor, () -> result.set(work.get()));
        return result.get();
    }

    static OrgUnitView freshVillage(OrganisationManagement organisation, String commune) {
        String name = "Thôn Giám sát " + UUID.randomUUID().toString().substring(0, 8);
        return as(
                new Actor("system", Role.ADMIN, null),
                () -> organisation.createVillage(commune, new VillageForm(name, "Thôn", false)));
    }

    /** A plan of the province supervising the unit, with a visit the given days ago. */
    record Planned(PlanView plan, VisitView visit) {}

    static Planned planWithVisit(SupervisionManagement supervision, String unit, LocalDate today, int visitDaysAgo) {
        PlanView plan = as(
                SUPERVISOR,
                () -> supervision.createPlan(new PlanForm(
                        "Giám sát thử " + UUID.randomUUID().toString().substring(0, 6),
                        "68",
                        List.of(unit),
                        today.minusDays(visitDaysAgo + 5).toString(),
                        today.toString(),
                        "Đoàn giám sát tỉnh",
                        null)));
        VisitView visit = as(
                SUPERVISOR,
                () -> supervision.recordVisit(
                        plan.id(),
                        new VisitForm(unit, today.minusDays(visitDaysAgo).toString(), null, "Sổ sách chưa cập nhật.")));
        return new Planned(plan, visit);
    }

    static RecommendationView issue(SupervisionManagement supervision, Planned planned, String unit, LocalDate due) {
        return as(
                SUPERVISOR,
                () -> supervision.issue(
                        planned.plan().id(),
                        new RecommendationForm(
                                Long.toString(planned.visit().id()),
                                unit,
                                "Cập nhật sổ sách tiếp nhận.",
                                due.toString())));
    }
}
