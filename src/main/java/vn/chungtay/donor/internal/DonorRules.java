package vn.chungtay.donor.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.chungtay.donor.DonorForm;
import vn.chungtay.donor.DonorKind;
import vn.chungtay.donor.InvalidDonor;
import vn.chungtay.donor.InvalidDonor.Problem;
import vn.chungtay.shared.text.VietnameseText;

/**
 * The rules a donor's data follows, and its normal form: names in NFC with single spaces, phone
 * numbers as digits ({@code +84…} written {@code 0…}, foreign numbers keep their {@code +}), e-mail
 * in lower case, tax codes as 10 digits or 10 digits, a hyphen and 3 digits (a branch).
 */
public final class DonorRules {

    public static final String VIETNAM = "VN";
    static final int MAX_NAME = 300;
    static final int MAX_ADDRESS = 500;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-()/]");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");
    private static final Pattern EMAIL =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern TAX_CODE = Pattern.compile("[0-9]{10}(-[0-9]{3})?");
    private static final Pattern TAX_CODE_WITHOUT_HYPHEN = Pattern.compile("[0-9]{13}");

    /** A donor's data after the rules: every value in its normal form, blanks as null. */
    public record Clean(
            DonorKind kind,
            String name,
            String nameFolded,
            boolean domestic,
            String country,
            String phone,
            String email,
            String address,
            String taxCode,
            boolean anonymous,
            boolean listConsent,
            LocalDate listConsentOn) {}

    private DonorRules() {}

    /** The form in normal form, or {@link InvalidDonor} naming every broken rule. */
    public static Clean check(DonorForm form, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (form.kind() == null) {
            problems.add(problem("kind", "donor.error.kindRequired"));
        }
        String name = VietnameseText.clean(form.name());
        String folded = VietnameseText.fold(name);
        if (name == null || name.isEmpty() || folded.isEmpty()) {
            problems.add(problem("name", "donor.error.nameRequired"));
        } else if (name.length() > MAX_NAME || folded.length() > MAX_NAME) {
            problems.add(problem("name", "donor.error.nameTooLong", MAX_NAME));
        }

        String country = blankToNull(form.country());
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        boolean domestic = form.domestic() == null ? country == null || VIETNAM.equals(country) : form.domestic();
        if (domestic) {
            if (country != null && !VIETNAM.equals(country)) {
                problems.add(problem("country", "donor.error.countryDomestic"));
            }
            country = VIETNAM;
        } else if (country == null) {
            problems.add(problem("country", "donor.error.countryRequired"));
        } else if (VIETNAM.equals(country)) {
            problems.add(problem("country", "donor.error.countryForeign"));
        } else if (!COUNTRIES.contains(country)) {
            problems.add(problem("country", "donor.error.countryUnknown", country));
        }

        String phone = normalisePhone(form.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(problem("phone", "donor.error.phone"));
        }
        String email = normaliseEmail(form.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(problem("email", "donor.error.email"));
        }
        String address = VietnameseText.clean(blankToNull(form.address()));
        if (address != null && address.length() > MAX_ADDRESS) {
            problems.add(problem("address", "donor.error.addressTooLong", MAX_ADDRESS));
        }
        String taxCode = normaliseTaxCode(form.taxCode());
        if (taxCode != null && !TAX_CODE.matcher(taxCode).matches()) {
            problems.add(problem("taxCode", "donor.error.taxCode"));
        }

        boolean consent = form.isListConsent();
        LocalDate consentOn = null;
        if (consent) {
            consentOn = form.listConsentOn() == null ? today : form.listConsentOn();
            if (consentOn.isAfter(today)) {
                problems.add(problem("listConsentOn", "donor.error.consentInFuture"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDonor(problems);
        }
        return new Clean(
                form.kind(),
                name,
                folded,
                domestic,
                country,
                phone,
                email,
                address,
                taxCode,
                form.isAnonymous(),
                consent,
                consentOn);
    }

    /** Whether a tax code has the form of one: 10 digits, or 10 digits, a hyphen and 3 digits. */
    public static boolean isTaxCode(String taxCode) {
        String normal = normaliseTaxCode(taxCode);
        return normal != null && TAX_CODE.matcher(normal).matches();
    }

    /** Digits only, {@code +84}/{@code 0084} written as {@code 0}; null when blank. Not checked. */
    public static String normalisePhone(String phone) {
        String value = blankToNull(phone);
        if (value == null) {
            return null;
        }
        value = PHONE_SEPARATORS.matcher(value).replaceAll("");
        if (value.startsWith("+84")) {
            value = "0" + value.substring(3);
        } else if (value.startsWith("0084")) {
            value = "0" + value.substring(4);
        } else if (value.startsWith("00")) {
            value = "+" + value.substring(2);
        }
        return value;
    }

    /** Trimmed, lower case; null when blank. Not checked. */
    public static String normaliseEmail(String email) {
        String value = blankToNull(email);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** Without spaces; 13 digits written as 10-3. Not checked. */
    public static String normaliseTaxCode(String taxCode) {
        String value = blankToNull(taxCode);
        if (value == null) {
            return null;
        }
        value = value.replaceAll("\\s", "");
        if (TAX_CODE_WITHOUT_HYPHEN.matcher(value).matches()) {
            value = value.substring(0, 10) + "-" + value.substring(10);
        }
        return value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Problem problem(String field, String key, Object... arguments) {
        return new Problem(field, key, Arrays.asList(arguments));
    }
}
