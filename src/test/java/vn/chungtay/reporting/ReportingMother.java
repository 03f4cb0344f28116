package vn.chungtay.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/** Test data for reporting: a programme of one's own with one period, needs through the need module. */
final class ReportingMother {

    static final Actor ADMIN = new Actor("admin", Role.ADMIN, null);
    static final Actor PROVINCE = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");
    static final Actor CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");

    private ReportingMother() {}

    static String unique(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** A new programme (every indicator provided) with one period "P1" over the dates, for the whole country or a scope. */
    static PeriodView period(ReportingSetup setup, LocalDate start, LocalDate end, String scope) {
        return period(setup, start, end, scope, List.of(), null);
    }

    static PeriodView period(
            ReportingSetup setup,
            LocalDate start,
            LocalDate end,
            String scope,
            List<String> indicators,
            LocalDate communeDue) {
        String programme = unique("T");
        return as(ADMIN, () -> {
            setup.defineTemplate(programme, "Kết quả kiểm thử " + programme, indicators, null);
            return setup.createPeriod(new PeriodForm(
                    programme,
                    "P1",
                    "kỳ " + programme,
                    start.toString(),
                    end.toString(),
                    scope,
                    communeDue == null ? null : communeDue.toString(),
                    null,
                    null));
        });
    }

    /** A period around today: started a month ago, ends in a month. */
    static PeriodView current(ReportingSetup setup, LocalDate today, String scope) {
        return period(setup, today.minusDays(30), today.plusDays(30), scope);
    }

    /** A commune need, published; funded and delivered when asked. */
    static NeedView need(NeedManagement needs, String commune, int year, boolean funded, boolean delivered) {
        return as(Actor.SYSTEM, () -> {
            NeedView need = needs.create(new NeedForm(
                    "COMMUNE",
                    null,
                    commune,
                    null,
                    "SUC_KHOE",
                    "Khám sức khỏe cho trẻ em " + unique("K"),
                    "2",
                    "lượt",
                    "150000",
                    Integer.toString(year),
                    "Cả năm " + year,
                    null,
                    "MEDIUM",
                    "2",
                    true));
            NeedId id = need.id();
            needs.submit(id);
            needs.approve(id);
            NeedView published = needs.publish(id);
            if (funded || delivered) {
                needs.recordFunding(id, new Vnd(published.total().dong()));
            }
            if (delivered) {
                needs.markDelivered(id);
            }
            return needs.get(id);
        });
    }

    static <T> T as(Actor actor, Supplier<T> work) {
        Object[] result = new Object[1];
        CurrentActor.runAs(actor, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    static void run(Actor actor, Runnable work) {
        CurrentActor.runAs(actor, work);
    }
}
