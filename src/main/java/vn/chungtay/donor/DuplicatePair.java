package vn.chungtay.donor;

import java.util.List;

/**
 * Two donors that are likely one: the same name without diacritics, and why — the same phone,
 * e-mail or tax code ({@code strong}), or only the name while one of them lacks the contact that
 * could tell them apart. {@code reasons} are message keys.
 */
public record DuplicatePair(DonorDetails first, DonorDetails second, boolean strong, List<String> reasons) {

    public DuplicatePair {
        reasons = List.copyOf(reasons);
    }
}
