package vn.chungtay.donor;

/**
 * What the donor list is filtered by: words of the name, phone, e-mail or tax code (diacritics
 * ignored), the kind, domestic or foreign, named or anonymous; merged donors only when asked.
 */
public record DonorQuery(String text, DonorKind kind, Boolean domestic, Boolean anonymous, boolean includeMerged) {

    public static DonorQuery all() {
        return new DonorQuery("", null, null, null, false);
    }
}
