package vn.chungtay.child.internal;

import java.time.LocalDate;
import java.util.List;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.Schooling;
import vn.chungtay.child.Sex;

/** A child's record fields after validation and cleaning (NFC, single spaces, empty as null). */
public record ChildData(
        String fullName,
        LocalDate dateOfBirth,
        Sex sex,
        String ethnicGroupCode,
        String villageCode,
        String communeCode,
        String guardianName,
        String guardianRelationship,
        String guardianPhone,
        HouseholdPoverty householdPoverty,
        String povertyCertificate,
        Schooling schooling,
        String schoolName,
        List<String> circumstances,
        String disability,
        String healthNotes,
        String nutritionNotes) {

    public ChildData {
        circumstances = List.copyOf(circumstances);
    }
}
