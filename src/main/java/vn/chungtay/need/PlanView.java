package vn.chungtay.need;

import java.time.Instant;
import java.util.List;
import vn.chungtay.shared.money.Vnd;

/** A commune's plan for a year with its totals per support category. */
public record PlanView(
        PlanId id,
        String communeCode,
        String communeName,
        String provinceCode,
        int year,
        PlanStatus status,
        String comment,
        String submittedBy,
        Instant submittedAt,
        String decidedBy,
        Instant decidedAt,
        List<CategoryTotal> totals) {

    public PlanView {
        totals = List.copyOf(totals);
    }

    /** One support category of a plan: how many needs, for how many child-turns, how much needed and funded. */
    public record CategoryTotal(
            String categoryCode, String nameVi, String nameEn, int needs, long childrenServed, Vnd total, Vnd funded) {

        public int percentFunded() {
            return funded.percentOf(total);
        }

        public String name(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    public Vnd total() {
        return totals.stream().map(CategoryTotal::total).reduce(Vnd.ZERO, Vnd::plus);
    }

    public Vnd funded() {
        return totals.stream().map(CategoryTotal::funded).reduce(Vnd.ZERO, Vnd::plus);
    }

    public int needs() {
        return totals.stream().mapToInt(CategoryTotal::needs).sum();
    }

    public long childrenServed() {
        return totals.stream().mapToLong(CategoryTotal::childrenServed).sum();
    }

    public int percentFunded() {
        return funded().percentOf(total());
    }
}
