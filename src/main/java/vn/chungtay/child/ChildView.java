package vn.chungtay.child;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A child's record as shown to a person allowed to read it. After erasure the personal fields
 * are null and only the birth year, village, sex, ethnic group and circumstances remain.
 */
public record ChildView(
        long id,
        String publicCode,
        ChildStatus status,
        String fullName,
        LocalDate dateOfBirth,
        int birthYear,
        int ageYears,
        Sex sex,
        String ethnicGroupCode,
        String ethnicGroupName,
        String villageCode,
        String villageName,
        String communeCode,
        String guardianName,
        String guardianRelationship,
        String guardianPhone,
        HouseholdPoverty householdPoverty,
        String povertyCertificate,
        Schooling schooling,
        String schoolName,
        List<CodeName> circumstances,
        String disability,
        String healthNotes,
        String nutritionNotes,
        String guardianConsentBy,
        LocalDate guardianConsentDate,
        ConsentMethod guardianConsentMethod,
        Set<ConsentPurpose> consentPurposes,
        String childConsentBy,
        LocalDate childConsentDate,
        OffsetDateTime consentWithdrawnAt,
        boolean turning16,
        boolean childConsentNeeded,
        boolean usable) {

    public boolean draft() {
        return status == ChildStatus.DRAFT;
    }

    public boolean erased() {
        return status == ChildStatus.ERASED;
    }

    public boolean mentionAllowed() {
        return usable && consentPurposes.contains(ConsentPurpose.ANONYMOUS_MENTION);
    }

    /** The form to edit this record (consents are recorded separately). */
    public ChildForm toForm() {
        return new ChildForm(
                fullName,
                dateOfBirth,
                sex,
                ethnicGroupCode,
                villageCode,
                guardianName,
                guardianRelationship,
                guardianPhone,
                householdPoverty,
                povertyCertificate,
                schooling,
                schoolName,
                Set.copyOf(circumstances.stream().map(CodeName::code).toList()),
                disability,
                healthNotes,
                nutritionNotes,
                guardianConsentBy,
                guardianConsentDate,
                guardianConsentMethod,
                consentPurposes,
                childConsentBy,
                childConsentDate,
                false,
                false);
    }

    /** Never prints the child's name, birth date or family: records end up in logs (Spring MVC at DEBUG). */
    @Override
    public String toString() {
        return "ChildView[personal data withheld]";
    }
}
