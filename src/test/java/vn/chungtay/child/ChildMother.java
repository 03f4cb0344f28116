package vn.chungtay.child;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.Role;

/** Children for tests: unique names (so tests sharing one database never meet), villages of the demo communes. */
final class ChildMother {

    static final Actor CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
    static final Actor NAM_DONG = new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649");

    private static final List<String> SYLLABLES = List.of(
            "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Minh", "Nga", "Oanh", "Phúc", "Quang", "Sơn",
            "Tâm", "Uyên", "Vân", "Xuân", "Yến", "Đạt");
    private static final Random RANDOM = new Random();

    private ChildMother() {}

    /** A name nobody else in the test run has: three random syllables after the family and middle name. */
    static String uniqueName(String familyAndMiddle) {
        return familyAndMiddle + " " + syllable() + " " + syllable() + " " + syllable() + " " + syllable();
    }

    static String syllable() {
        return SYLLABLES.get(RANDOM.nextInt(SYLLABLES.size()));
    }

    static String syllable(int index) {
        return SYLLABLES.get(index % SYLLABLES.size());
    }

    static LocalDate randomBirthDate(LocalDate today, int minAge, int maxAge) {
        return today.minusYears(minAge).minusDays(RANDOM.nextInt((maxAge - minAge) * 365));
    }

    static String village(OrganisationManagement organisation, String commune) {
        LocalDate today = organisation.today();
        return organisation.villages(commune, today).stream()
                .filter(v -> v.isValidOn(today))
                .map(OrgUnitView::code)
                .findFirst()
                .orElseThrow();
    }

    /** A consented child (the child's own consent too when 7 or over). */
    static ChildForm consented(String name, LocalDate born, String village, LocalDate today) {
        boolean seven = born.plusYears(7).isBefore(today.plusDays(1));
        return new ChildForm(
                name,
                born,
                Sex.FEMALE,
                "12",
                village,
                uniqueName("H'Lim Niê"),
                "Mẹ",
                "0912345678",
                HouseholdPoverty.POOR,
                "HN-1",
                Schooling.PRIMARY,
                "Trường Tiểu học Thử",
                Set.of("HCDB04"),
                null,
                "Hen suyễn",
                null,
                "Người Giám Hộ",
                today.minusDays(3),
                ConsentMethod.WRITTEN,
                Set.of(ConsentPurpose.PROCESSING, ConsentPurpose.ANONYMOUS_MENTION),
                seven ? name : null,
                seven ? today.minusDays(3) : null,
                false,
                false);
    }

    static String json(String name, LocalDate born, String village, String guardian, boolean childConsent) {
        return """
                {"fullName": "%s", "dateOfBirth": "%s", "sex": "FEMALE", "ethnicGroupCode": "20",
                 "villageCode": "%s", "guardianName": "%s",
                 "guardianConsent": {"givenBy": "%s", "date": "%s", "purposes": ["PROCESSING", "ANONYMOUS_MENTION"]}
                 %s}""".formatted(
                        name,
                        born,
                        village,
                        guardian,
                        guardian,
                        LocalDate.now().minusDays(1),
                        childConsent
                                ? ", \"childConsent\": {\"givenBy\": \"%s\", \"date\": \"%s\"}"
                                        .formatted(name, LocalDate.now().minusDays(1))
                                : "");
    }
}
