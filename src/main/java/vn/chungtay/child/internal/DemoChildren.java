package vn.chungtay.child.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.chungtay.child.ChildForm;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.Schooling;
import vn.chungtay.child.Sex;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * About 150 demo children in the demo villages of Xã Cư Jút, Xã Nam Dong and Xã Đắk Wil, with
 * names of the groups living there, most with consent (and anonymous mention), a few drafts.
 * Deterministic (fixed seed) and loaded once.
 */
@Component
@Order(40)
class DemoChildren implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoChildren.class);
    static final List<String> COMMUNES = List.of("24640", "24649", "24646");
    static final int PER_VILLAGE = 7;

    /** A group's naming: code, male and female given-name patterns, family names. */
    private record Group(
            String code, List<String> male, List<String> female, List<String> family, boolean familyLast) {}

    private static final Group EDE = new Group(
            "12",
            List.of("Y Sơn", "Y Bril", "Y Khuê", "Y Thim", "Y Jut", "Y Nhuôn", "Y Kông", "Y Blin"),
            List.of("H'Hen", "H'Luyến", "H'Ngơn", "H'Bia", "H'Yơn", "H'Duôn", "H'Mai", "H'Lim"),
            List.of("Niê", "Mlô", "Byă", "Êban", "Ktla", "Adrơng", "Hwing", "Ayun"),
            true);
    private static final Group MNONG = new Group(
            "20",
            List.of("Điểu Nam", "Y Bril", "Điểu K'Rế", "Y Thanh", "Điểu Lâm", "Y Tiêng"),
            List.of("Thị Hạnh", "H'Bliêng", "Thị Nga", "H'Prông", "Thị Bôn", "H'Loan"),
            List.of("Nơ Trang", "Bing", "Mlô", "Bon Jốc", "Buôn Krông"),
            true);
    private static final Group HMONG = new Group(
            "08",
            List.of("A Páo", "A Sử", "A Chứ", "A Dế", "A Lử", "A Tủa"),
            List.of("Thị Mỷ", "Thị Dua", "Thị Mai", "Thị Súa", "Thị Chở", "Thị Pà"),
            List.of("Giàng", "Vàng", "Lý", "Sùng", "Thào", "Hờ", "Mùa"),
            false);
    private static final Group TAY = new Group(
            "02",
            List.of("Văn Tuấn", "Văn Hùng", "Văn Quyết", "Đức Lâm", "Văn Thắng"),
            List.of("Thị Thắm", "Thị Hoa", "Thị Nhung", "Thị Duyên", "Thị Liên"),
            List.of("Hoàng", "Nông", "Ma", "Lục", "Triệu", "Hà"),
            false);
    private static final Group NUNG = new Group(
            "07",
            List.of("Văn Sáng", "Văn Lợi", "Văn Pháo", "Văn Tài"),
            List.of("Thị Mây", "Thị Phương", "Thị Hồng", "Thị Lan"),
            List.of("Lương", "Hoàng", "Nông", "Lăng", "Vi", "Chu"),
            false);
    private static final Group DAO = new Group(
            "09",
            List.of("Tài Phin", "Văn Chiêu", "Văn Quẩy", "Tòn Xuân"),
            List.of("Thị Mẩy", "Thị Nhất", "Mùi Chàn", "Thị Kiều"),
            List.of("Triệu", "Bàn", "Đặng", "Lý"),
            false);
    private static final Group KINH = new Group(
            "01",
            List.of("Văn An", "Minh Khoa", "Đức Bình", "Văn Dũng", "Quốc Huy", "Gia Bảo"),
            List.of("Thị Bích", "Thị Hương", "Ngọc Lan", "Thu Trang", "Thị Mai", "Khánh Linh"),
            List.of("Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ"),
            false);

    private static final String[] GUARDIAN_MALE = {"Bố", "Ông nội", "Chú"};
    private static final String[] GUARDIAN_FEMALE = {"Mẹ", "Bà ngoại", "Bà nội", "Cô"};

    private final ChildManagement children;
    private final ChildRepository repository;
    private final OrganisationManagement organisation;
    private final Environment environment;

    DemoChildren(
            ChildManagement children,
            ChildRepository repository,
            OrganisationManagement organisation,
            Environment environment) {
        this.children = children;
        this.repository = repository;
        this.organisation = organisation;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment) || repository.anyCreatedBy(Actor.SYSTEM.username())) {
            return;
        }
        CurrentActor.runAs(Actor.SYSTEM, this::load);
    }

    private void load() {
        Random random = new Random(20260101L);
        LocalDate today = organisation.today();
        int count = 0;
        for (String commune : COMMUNES) {
            List<OrgUnitView> villages = organisation.villages(commune, today).stream()
                    .filter(v -> v.isValidOn(today))
                    .toList();
            for (OrgUnitView village : villages) {
                boolean highland =
                        village.type().equals("Buôn") || village.type().equals("Bon");
                for (int i = 0; i < PER_VILLAGE; i++) {
                    Group group = pick(random, highland);
                    children.register(child(random, group, village.code(), today, count));
                    count++;
                }
            }
        }
        log.info("Demo children registered: {}", count);
    }

    private static Group pick(Random random, boolean highland) {
        int r = random.nextInt(100);
        if (highland) {
            return r < 55 ? EDE : r < 90 ? MNONG : KINH;
        }
        return r < 30 ? KINH : r < 50 ? HMONG : r < 68 ? TAY : r < 84 ? NUNG : r < 94 ? DAO : EDE;
    }

    private static ChildForm child(Random random, Group group, String villageCode, LocalDate today, int n) {
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        String family = group.family().get(random.nextInt(group.family().size()));
        String given = (sex == Sex.MALE ? group.male() : group.female())
                .get(random.nextInt((sex == Sex.MALE ? group.male() : group.female()).size()));
        String name = group.familyLast() ? given + " " + family : family + " " + given;
        int age = 2 + random.nextInt(14);
        LocalDate born = today.minusYears(age).minusDays(random.nextInt(360));
        boolean guardianMale = random.nextInt(3) == 0;
        String guardianGiven = (guardianMale ? group.male() : group.female())
                .get(random.nextInt((guardianMale ? group.male() : group.female()).size()));
        String guardian = group.familyLast() ? guardianGiven + " " + family : family + " " + guardianGiven;
        String relationship = guardianMale
                ? GUARDIAN_MALE[random.nextInt(GUARDIAN_MALE.length)]
                : GUARDIAN_FEMALE[random.nextInt(GUARDIAN_FEMALE.length)];
        HouseholdPoverty poverty = switch (random.nextInt(4)) {
            case 0, 1 -> HouseholdPoverty.POOR;
            case 2 -> HouseholdPoverty.NEAR_POOR;
            default -> HouseholdPoverty.NONE;
        };
        Schooling schooling = age < 3
                ? Schooling.NOT_YET
                : age < 6
                        ? Schooling.PRESCHOOL
                        : age < 11
                                ? Schooling.PRIMARY
                                : age < 15 ? Schooling.LOWER_SECONDARY : Schooling.UPPER_SECONDARY;
        if (age >= 12 && random.nextInt(8) == 0) {
            schooling = Schooling.OUT_OF_SCHOOL;
        }
        List<String> circumstances = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            circumstances.add("HCDB04");
        }
        if (random.nextInt(15) == 0) {
            circumstances.add("HCDB01");
        }
        if (schooling == Schooling.OUT_OF_SCHOOL) {
            circumstances.add("HCDB08");
        }
        boolean draft = n % 12 == 5;
        Set<ConsentPurpose> purposes = EnumSet.of(ConsentPurpose.PROCESSING);
        if (random.nextInt(10) < 8) {
            purposes.add(ConsentPurpose.ANONYMOUS_MENTION);
        }
        if (random.nextInt(4) == 0) {
            purposes.add(ConsentPurpose.PHOTOS);
        }
        LocalDate consentDate = today.minusDays(10 + random.nextInt(120));
        String phone = "09" + (10_000_000 + random.nextInt(89_999_999));
        return new ChildForm(
                name,
                born,
                sex,
                group.code(),
                villageCode,
                guardian,
                relationship,
                phone,
                poverty,
                poverty == HouseholdPoverty.NONE ? null : "HN-" + (1000 + random.nextInt(9000)),
                schooling,
                schooling == Schooling.NOT_YET || schooling == Schooling.OUT_OF_SCHOOL ? null : schoolName(schooling),
                Set.copyOf(circumstances),
                circumstances.contains("HCDB04") ? "Khuyết tật vận động nhẹ" : null,
                random.nextInt(6) == 0 ? "Hay ốm vặt mùa mưa" : null,
                random.nextInt(4) == 0 ? "Suy dinh dưỡng thể thấp còi" : null,
                draft ? null : guardian,
                draft ? null : consentDate,
                draft ? null : (random.nextInt(5) == 0 ? ConsentMethod.VERBAL_WITNESSED : ConsentMethod.WRITTEN),
                draft ? Set.of() : purposes,
                draft || age < 7 ? null : name,
                draft || age < 7 ? null : consentDate,
                draft,
                true);
    }

    private static String schoolName(Schooling schooling) {
        return switch (schooling) {
            case PRESCHOOL -> "Trường Mầm non Hoa Sen";
            case PRIMARY -> "Trường Tiểu học Nguyễn Du";
            case LOWER_SECONDARY -> "Trường THCS Phan Bội Châu";
            case UPPER_SECONDARY -> "Trường THPT Phan Chu Trinh";
            default -> null;
        };
    }
}
