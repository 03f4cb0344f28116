package vn.chungtay.outreach.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.outreach.ActivityForm;
import vn.chungtay.outreach.OutreachManagement;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Thirty demo outreach activities in Xã Cư Jút (24640) and Xã Nam Dong (24649), fifteen each, in
 * 2025 and 2026, recorded by the communes' officers. In 2026 two ĐBKK villages (Buôn Nui, Bon Đắk
 * Hòa) and two others (Thôn Trung Sơn, Thôn 14) are left unreached, so the coverage page has
 * something to show. Runs once after the demo villages: nothing happens when the communes already
 * have activities.
 */
@Component
@Order(100)
class DemoOutreach implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);

    /** One demo activity: the commune, the village (by name), the date, how and for whom. */
    record Demo(
            String commune,
            String village,
            LocalDate date,
            String method,
            List<String> topics,
            int people,
            int households,
            String language,
            String organisers,
            String partners,
            String notes) {}

    static List<Demo> activities() {
        String mttqCuJut = "Ban Công tác Mặt trận thôn; Ủy ban MTTQ Việt Nam xã Cư Jút";
        String mttqNamDong = "Ban Công tác Mặt trận thôn; Ủy ban MTTQ Việt Nam xã Nam Dong";
        return List.of(
                // Xã Cư Jút, 2025
                new Demo(
                        "24640",
                        "Thôn 1",
                        LocalDate.of(2025, 3, 14),
                        "VILLAGE_MEETING",
                        List.of("CARE", "EDUCATION"),
                        85,
                        60,
                        "vi",
                        mttqCuJut,
                        "Hội Liên hiệp Phụ nữ xã",
                        "Họp thôn đầu năm về chăm sóc, giáo dục trẻ em."),
                new Demo(
                        "24640",
                        "Buôn Trum",
                        LocalDate.of(2025, 4, 9),
                        "HOME_VISITS",
                        List.of("PROTECTION", "ABUSE_PREVENTION"),
                        42,
                        18,
                        "12",
                        mttqCuJut,
                        "Công an xã",
                        "Thăm hộ gia đình có trẻ em hoàn cảnh đặc biệt."),
                new Demo(
                        "24640",
                        "Buôn Nui",
                        LocalDate.of(2025, 5, 20),
                        "LOUDSPEAKER",
                        List.of("NUTRITION"),
                        150,
                        90,
                        "12",
                        mttqCuJut,
                        null,
                        "Phát thanh về dinh dưỡng cho trẻ nhỏ bằng tiếng Ê-đê."),
                new Demo(
                        "24640",
                        "Thôn Trung Sơn",
                        LocalDate.of(2025, 6, 2),
                        "SCHOOL_SESSION",
                        List.of("PROTECTION", "EDUCATION"),
                        120,
                        0,
                        "vi",
                        "Đoàn Thanh niên xã",
                        "Trường Tiểu học Trung Sơn",
                        "Buổi sinh hoạt ngoại khóa về phòng chống đuối nước."),
                new Demo(
                        "24640",
                        "Thôn 3",
                        LocalDate.of(2025, 8, 15),
                        "LEAFLETS",
                        List.of("CARE"),
                        60,
                        45,
                        "vi",
                        mttqCuJut,
                        null,
                        null),
                new Demo(
                        "24640",
                        "Buôn Buôr",
                        LocalDate.of(2025, 10, 18),
                        "VILLAGE_MEETING",
                        List.of("CARE", "NUTRITION"),
                        70,
                        38,
                        "12",
                        mttqCuJut,
                        "Trạm Y tế xã",
                        "Hưởng ứng Ngày vì người nghèo 17/10."),
                new Demo(
                        "24640",
                        "Thôn 2",
                        LocalDate.of(2025, 11, 25),
                        "SOCIAL_MEDIA",
                        List.of("ABUSE_PREVENTION"),
                        300,
                        0,
                        "vi",
                        "Đoàn Thanh niên xã",
                        null,
                        "Bài đăng trên trang Zalo của xã."),
                // Xã Cư Jút, 2026
                new Demo(
                        "24640",
                        "Thôn 1",
                        LocalDate.of(2026, 2, 24),
                        "VILLAGE_MEETING",
                        List.of("CARE", "EDUCATION", "PROTECTION"),
                        90,
                        62,
                        "vi",
                        mttqCuJut,
                        "Hội Liên hiệp Phụ nữ xã",
                        "Họp thôn triển khai kế hoạch năm 2026."),
                new Demo(
                        "24640",
                        "Buôn Trum",
                        LocalDate.of(2026, 3, 17),
                        "HOME_VISITS",
                        List.of("EDUCATION"),
                        35,
                        16,
                        "12",
                        mttqCuJut,
                        "Trường THCS Nguyễn Du",
                        "Vận động trẻ bỏ học trở lại lớp."),
                new Demo(
                        "24640",
                        "Thôn 2",
                        LocalDate.of(2026, 4, 8),
                        "LOUDSPEAKER",
                        List.of("NUTRITION", "CARE"),
                        200,
                        120,
                        "vi",
                        mttqCuJut,
                        null,
                        null),
                new Demo(
                        "24640",
                        "Buôn Buôr",
                        LocalDate.of(2026, 5, 29),
                        "VILLAGE_MEETING",
                        List.of("ABUSE_PREVENTION", "PROTECTION"),
                        64,
                        35,
                        "12",
                        mttqCuJut,
                        "Công an xã",
                        "Tháng hành động vì trẻ em."),
                new Demo(
                        "24640",
                        "Thôn 3",
                        LocalDate.of(2026, 6, 12),
                        "SCHOOL_SESSION",
                        List.of("EDUCATION"),
                        140,
                        0,
                        "vi",
                        "Đoàn Thanh niên xã",
                        "Trường Tiểu học Thôn 3",
                        null),
                new Demo(
                        "24640",
                        "Thôn Tân Lập",
                        LocalDate.of(2026, 8, 21),
                        "LEAFLETS",
                        List.of("CARE", "NUTRITION"),
                        55,
                        40,
                        "vi",
                        mttqCuJut,
                        null,
                        "Phát tờ rơi tại chợ thôn."),
                new Demo(
                        "24640",
                        "Buôn Trum",
                        LocalDate.of(2026, 10, 17),
                        "VILLAGE_MEETING",
                        List.of("CARE", "OTHER"),
                        80,
                        41,
                        "12",
                        mttqCuJut,
                        "Hội Nông dân xã",
                        "Ngày vì người nghèo 17/10/2026."),
                new Demo(
                        "24640",
                        "Thôn 1",
                        LocalDate.of(2026, 11, 5),
                        "SOCIAL_MEDIA",
                        List.of("PROTECTION"),
                        260,
                        0,
                        "vi",
                        "Đoàn Thanh niên xã",
                        null,
                        null),
                // Xã Nam Dong, 2025
                new Demo(
                        "24649",
                        "Thôn 2",
                        LocalDate.of(2025, 3, 21),
                        "VILLAGE_MEETING",
                        List.of("CARE"),
                        75,
                        50,
                        "vi",
                        mttqNamDong,
                        "Hội Cựu chiến binh xã",
                        null),
                new Demo(
                        "24649",
                        "Bon Đắk Hòa",
                        LocalDate.of(2025, 4, 16),
                        "HOME_VISITS",
                        List.of("NUTRITION", "CARE"),
                        30,
                        14,
                        "20",
                        mttqNamDong,
                        "Trạm Y tế xã",
                        "Thăm hộ có trẻ suy dinh dưỡng, nói tiếng Mnông."),
                new Demo(
                        "24649",
                        "Thôn 14",
                        LocalDate.of(2025, 5, 28),
                        "LOUDSPEAKER",
                        List.of("PROTECTION"),
                        180,
                        100,
                        "vi",
                        mttqNamDong,
                        null,
                        null),
                new Demo(
                        "24649",
                        "Buôn Ea Mang",
                        LocalDate.of(2025, 7, 10),
                        "VILLAGE_MEETING",
                        List.of("EDUCATION", "ABUSE_PREVENTION"),
                        66,
                        30,
                        "12",
                        mttqNamDong,
                        "Hội Liên hiệp Phụ nữ xã",
                        null),
                new Demo(
                        "24649",
                        "Thôn 6",
                        LocalDate.of(2025, 9, 5),
                        "SCHOOL_SESSION",
                        List.of("EDUCATION"),
                        110,
                        0,
                        "vi",
                        "Đoàn Thanh niên xã",
                        "Trường Tiểu học Nam Dong",
                        "Khai giảng năm học mới."),
                new Demo(
                        "24649",
                        "Thôn 10",
                        LocalDate.of(2025, 10, 20),
                        "LEAFLETS",
                        List.of("CARE", "OTHER"),
                        50,
                        38,
                        "vi",
                        mttqNamDong,
                        null,
                        null),
                new Demo(
                        "24649",
                        "Thôn Nam Hải",
                        LocalDate.of(2025, 11, 12),
                        "VILLAGE_MEETING",
                        List.of("CARE", "PROTECTION"),
                        58,
                        40,
                        "vi",
                        mttqNamDong,
                        null,
                        "Hưởng ứng tháng cao điểm vì người nghèo."),
                // Xã Nam Dong, 2026
                new Demo(
                        "24649",
                        "Thôn 2",
                        LocalDate.of(2026, 1, 15),
                        "VILLAGE_MEETING",
                        List.of("CARE", "EDUCATION"),
                        82,
                        55,
                        "vi",
                        mttqNamDong,
                        null,
                        null),
                new Demo(
                        "24649",
                        "Buôn Ea Mang",
                        LocalDate.of(2026, 3, 3),
                        "HOME_VISITS",
                        List.of("PROTECTION", "ABUSE_PREVENTION"),
                        28,
                        12,
                        "12",
                        mttqNamDong,
                        "Công an xã",
                        "Thăm hộ có trẻ em có nguy cơ bị xâm hại."),
                new Demo(
                        "24649",
                        "Thôn 6",
                        LocalDate.of(2026, 4, 22),
                        "LOUDSPEAKER",
                        List.of("NUTRITION"),
                        170,
                        95,
                        "vi",
                        mttqNamDong,
                        null,
                        null),
                new Demo(
                        "24649",
                        "Thôn 10",
                        LocalDate.of(2026, 6, 1),
                        "SCHOOL_SESSION",
                        List.of("PROTECTION"),
                        130,
                        0,
                        "vi",
                        "Đoàn Thanh niên xã",
                        "Trường Tiểu học Nam Dong",
                        "Ngày Quốc tế Thiếu nhi 1/6."),
                new Demo(
                        "24649",
                        "Thôn Nam Hải",
                        LocalDate.of(2026, 7, 14),
                        "LEAFLETS",
                        List.of("CARE"),
                        48,
                        36,
                        "vi",
                        mttqNamDong,
                        null,
                        null),
                new Demo(
                        "24649",
                        "Buôn Ea Mang",
                        LocalDate.of(2026, 9, 9),
                        "VILLAGE_MEETING",
                        List.of("EDUCATION", "NUTRITION"),
                        72,
                        33,
                        "12",
                        mttqNamDong,
                        "Hội Liên hiệp Phụ nữ xã",
                        null),
                new Demo(
                        "24649",
                        "Thôn 6",
                        LocalDate.of(2026, 10, 19),
                        "SOCIAL_MEDIA",
                        List.of("CARE", "OTHER"),
                        240,
                        0,
                        "vi",
                        "Đoàn Thanh niên xã",
                        null,
                        "Kêu gọi ủng hộ tháng cao điểm 17/10 – 18/11."),
                new Demo(
                        "24649",
                        "Thôn 2",
                        LocalDate.of(2026, 11, 10),
                        "HOME_VISITS",
                        List.of("CARE"),
                        24,
                        11,
                        "vi",
                        mttqNamDong,
                        null,
                        null));
    }

    static final Map<String, Actor> OFFICERS = Map.of(
            "24640", new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640"),
            "24649", new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649"));

    private final OutreachManagement outreach;
    private final OrganisationManagement organisation;
    private final JdbcClient jdbc;
    private final Environment environment;

    DemoOutreach(
            OutreachManagement outreach,
            OrganisationManagement organisation,
            JdbcClient jdbc,
            Environment environment) {
        this.outreach = outreach;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        long existing = jdbc.sql("select count(*) from outreach_activity where commune_code in ('24640', '24649')")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        LocalDate today = organisation.today();
        int created = 0;
        for (Demo demo : activities()) {
            Map<String, String> villages = organisation.villages(demo.commune(), today).stream()
                    .collect(Collectors.toMap(
                            v -> VietnameseText.fold(v.fullName()),
                            OrgUnitView::code,
                            (a, b) -> a,
                            java.util.HashMap::new));
            String village = villages.get(VietnameseText.fold(demo.village()));
            if (village == null || demo.date().isAfter(today)) {
                continue;
            }
            ActivityForm form = new ActivityForm(
                    demo.date().toString(),
                    demo.commune(),
                    List.of(village),
                    demo.method(),
                    demo.topics(),
                    demo.organisers(),
                    demo.partners(),
                    Integer.toString(demo.people()),
                    Integer.toString(demo.households()),
                    demo.language(),
                    demo.notes());
            CurrentActor.runAs(OFFICERS.get(demo.commune()), () -> outreach.record(form));
            created++;
        }
        log.info("Demo outreach activities created: {}", created);
    }
}
