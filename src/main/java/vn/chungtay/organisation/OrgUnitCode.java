package vn.chungtay.organisation;

import java.util.regex.Pattern;

/**
 * The code of an administrative unit (GSO code, e.g. {@code 68}, {@code 24640}) or of a village
 * ({@code <commune code>-<NN>}, e.g. {@code 24640-03}). A code alone does not identify a unit:
 * codes were reused across the 2025 reform, so every lookup also takes a date.
 */
public record OrgUnitCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{2,5}(-\\d{2,4})?");

    public OrgUnitCode {
        if (value == null || !FORMAT.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException("Not an org-unit code: " + value);
        }
        value = value.trim();
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value.trim()).matches();
    }

    public boolean isVillage() {
        return value.contains("-");
    }

    @Override
    public String toString() {
        return value;
    }
}
