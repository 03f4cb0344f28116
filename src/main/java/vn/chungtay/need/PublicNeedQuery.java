package vn.chungtay.need;

/** Filters of the public need list; blank values do not filter. {@code text} ignores diacritics. */
public record PublicNeedQuery(
        String provinceCode, String communeCode, String categoryCode, String text, boolean openOnly) {

    public static PublicNeedQuery all() {
        return new PublicNeedQuery(null, null, null, null, false);
    }
}
