package vn.chungtay.need;

/** A kind of support (health, nutrition, warm clothes, ...); the list is data that administrators extend. */
public record SupportCategory(String code, String nameVi, String nameEn, String source, boolean active) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
