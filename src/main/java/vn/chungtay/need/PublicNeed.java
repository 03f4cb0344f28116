package vn.chungtay.need;

import java.time.LocalDate;
import vn.chungtay.shared.money.Vnd;

/**
 * A published need as anyone may see it. {@code villageCode}/{@code villageName} and the school are
 * given only when the need concerns at least the configured number of children
 * ({@code chungtay.public.min-count}); otherwise the need is shown at commune level. A child need
 * carries at most the child's age, sex and ethnic group ({@code child}), and nothing when the
 * child's data may not be mentioned.
 */
public record PublicNeed(
        long id,
        String categoryCode,
        String categoryNameVi,
        String categoryNameEn,
        String description,
        int quantity,
        String unit,
        Vnd total,
        Vnd funded,
        int childrenServed,
        String provinceCode,
        String provinceName,
        String communeCode,
        String communeName,
        String villageCode,
        String villageName,
        String schoolName,
        int year,
        String season,
        LocalDate neededBy,
        NeedStatus status,
        ChildMention child) {

    public int percentFunded() {
        return funded.percentOf(total);
    }

    public Vnd remaining() {
        return total.remainingAfter(funded);
    }

    public String categoryName(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? categoryNameEn : categoryNameVi;
    }

    /** Where the need is shown: the village when it may be named, else the commune. */
    public String placeName() {
        return villageName != null ? villageName : communeName;
    }
}
