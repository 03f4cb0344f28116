package vn.chungtay.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.VillageForm;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/** Test data for outreach: the demo officers, fresh villages of their own, activity forms and JSON. */
final class OutreachMother {

    static final Actor CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
    static final Actor NAM_DONG = new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649");
    static final Actor PROVINCE = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");

    private OutreachMother() {}

    static <T> T as(Actor actor, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        CurrentActor.runAs(actor, () -> result.set(work.get()));
        return result.get();
    }

    /** A village of its own for a test, so no other test's activities reach it. */
    static OrgUnitView freshVillage(OrganisationManagement organisation, Actor officer, boolean difficult) {
        String name = "Thôn Thử " + UUID.randomUUID().toString().substring(0, 8);
        return as(
                officer,
                () -> organisation.createVillage(officer.scopeCode(), new VillageForm(name, "Thôn", difficult)));
    }

    static ActivityForm form(String commune, String village, LocalDate date, int people, int households) {
        return new ActivityForm(
                date.toString(),
                commune,
                List.of(village),
                "VILLAGE_MEETING",
                List.of("CARE", "PROTECTION"),
                "Ban Công tác Mặt trận thôn",
                "Hội Liên hiệp Phụ nữ xã",
                Integer.toString(people),
                Integer.toString(households),
                "vi",
                "Họp thôn về bảo vệ trẻ em");
    }

    static String json(String commune, String village, String date, int people, int households) {
        return """
                {"date": "%s", "communeCode": "%s", "villageCodes": ["%s"], "method": "HOME_VISITS",
                 "topics": ["CARE", "NUTRITION"], "organisers": "Ban Công tác Mặt trận thôn",
                 "peopleReached": %d, "householdsReached": %d, "language": "12", "notes": "Thăm hộ"}""".formatted(date, commune, village, people, households);
    }

    /** The smallest valid PNG: 1×1 pixel. */
    static byte[] png() {
        return java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }

    /** The start of a JPEG (SOI and an APP0 marker) with some bytes after it. */
    static byte[] jpeg() {
        byte[] bytes = new byte[64];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        bytes[10] = (byte) UUID.randomUUID().hashCode();
        return bytes;
    }
}
