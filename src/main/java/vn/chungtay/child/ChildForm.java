package vn.chungtay.child;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an officer enters for a child: the record itself and, on registration, the consents.
 * {@code saveAsDraft} registers without the required consent (a draft nobody else sees);
 * {@code confirmDuplicate} confirms that a likely duplicate found elsewhere is another child.
 */
public record ChildForm(
        String fullName,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
        Sex sex,
        String ethnicGroupCode,
        String villageCode,
        String guardianName,
        String guardianRelationship,
        String guardianPhone,
        HouseholdPoverty householdPoverty,
        String povertyCertificate,
        Schooling schooling,
        String schoolName,
        Set<String> circumstances,
        String disability,
        String healthNotes,
        String nutritionNotes,
        String guardianConsentBy,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate guardianConsentDate,
        ConsentMethod guardianConsentMethod,
        Set<ConsentPurpose> consentPurposes,
        String childConsentBy,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate childConsentDate,
        Boolean saveAsDraft,
        Boolean confirmDuplicate) {

    public ChildForm {
        circumstances = circumstances == null ? Set.of() : Set.copyOf(circumstances);
        consentPurposes = consentPurposes == null ? Set.of() : Set.copyOf(consentPurposes);
    }

    public boolean draft() {
        return Boolean.TRUE.equals(saveAsDraft);
    }

    public boolean duplicateConfirmed() {
        return Boolean.TRUE.equals(confirmDuplicate);
    }

    public boolean hasGuardianConsent() {
        return notBlank(guardianConsentBy) || guardianConsentDate != null || !consentPurposes.isEmpty();
    }

    public boolean hasChildConsent() {
        return notBlank(childConsentBy) || childConsentDate != null;
    }

    public ConsentForm consent() {
        return new ConsentForm(
                guardianConsentBy,
                guardianConsentDate,
                guardianConsentMethod,
                consentPurposes,
                childConsentBy,
                childConsentDate);
    }

    /** An empty form for a new child in a village, with written consent preselected. */
    public static ChildForm blank(String villageCode) {
        return new ChildForm(
                "",
                null,
                null,
                "",
                villageCode,
                "",
                "",
                "",
                HouseholdPoverty.NONE,
                "",
                null,
                "",
                Set.of(),
                "",
                "",
                "",
                "",
                null,
                ConsentMethod.WRITTEN,
                Set.of(ConsentPurpose.PROCESSING),
                "",
                null,
                false,
                false);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Never prints the child's name, birth date or family: records end up in logs (Spring MVC at DEBUG). */
    @Override
    public String toString() {
        return "ChildForm[personal data withheld]";
    }
}
