package vn.chungtay.privacy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

/** Children with unique names, registered through the API, for the privacy tests. */
final class PrivacyMother {

    private static final List<String> SYLLABLES = List.of(
            "Ánh", "Bảo", "Cường", "Diệp", "Đức", "Hạnh", "Khánh", "Lộc", "Mỹ", "Ngọc", "Phương", "Quý", "Sương",
            "Thảo", "Uyển", "Vĩnh", "Xoan", "Yên");
    private static final Random RANDOM = new Random();

    private PrivacyMother() {}

    static String uniqueName(String familyAndMiddle) {
        StringBuilder name = new StringBuilder(familyAndMiddle);
        for (int i = 0; i < 4; i++) {
            name.append(' ').append(SYLLABLES.get(RANDOM.nextInt(SYLLABLES.size())));
        }
        return name.toString();
    }

    static LocalDate birthDate(LocalDate today) {
        return today.minusYears(3).minusDays(RANDOM.nextInt(900));
    }

    static String village(OrganisationManagement organisation, String commune) {
        LocalDate today = organisation.today();
        return organisation.villages(commune, today).stream()
                .filter(v -> v.isValidOn(today))
                .map(OrgUnitView::code)
                .findFirst()
                .orElseThrow();
    }

    static String childJson(String name, LocalDate born, String village, String guardian, LocalDate today) {
        return """
                {"fullName": "%s", "dateOfBirth": "%s", "sex": "FEMALE", "ethnicGroupCode": "12",
                 "villageCode": "%s", "guardianName": "%s", "guardianRelationship": "Mẹ",
                 "guardianPhone": "0912345678", "householdPoverty": "POOR", "povertyCertificate": "HN-1",
                 "schooling": "PRESCHOOL", "schoolName": "Trường Mầm non Thử", "circumstances": ["HCDB04"],
                 "healthNotes": "Hen suyễn",
                 "guardianConsent": {"givenBy": "%s", "date": "%s", "method": "WRITTEN",
                                     "purposes": ["PROCESSING", "ANONYMOUS_MENTION"]}}""".formatted(name, born, village, guardian, guardian, today.minusDays(2));
    }

    /** Registers a consented child in the given commune as that commune's officer; returns its id. */
    static long register(
            MockMvc mvc,
            JsonMapper json,
            OrganisationManagement organisation,
            String officer,
            String commune,
            String name)
            throws Exception {
        LocalDate today = organisation.today();
        String body = childJson(name, birthDate(today), village(organisation, commune), uniqueName("Trần Thị"), today);
        String response = mvc.perform(post("/api/v1/children")
                        .with(httpBasic(officer, "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return json.readTree(response).get("id").asLong();
    }
}
