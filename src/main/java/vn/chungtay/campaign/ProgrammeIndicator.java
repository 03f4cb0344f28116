package vn.chungtay.campaign;

import java.util.Locale;

/** One figure a programme reports: money mobilised, child-turns of a support category, villages reached. */
public record ProgrammeIndicator(String code, String nameVi, String nameEn, String unit, String categoryCode) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
