package vn.chungtay.need.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.child.AnonymousChild;
import vn.chungtay.child.ChildDirectory;
import vn.chungtay.child.ChildId;
import vn.chungtay.need.NeedForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedTarget;
import vn.chungtay.need.NeedView;
import vn.chungtay.need.PlanManagement;
import vn.chungtay.need.PlanView;
import vn.chungtay.need.Priority;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.text.VietnameseText;

/**
 * About 40 demo needs in every category across the three demo communes and their villages, most
 * published and some partly or fully funded, a few for demo children who may be mentioned, and a
 * plan for the current year per commune (approved for Cư Jút and Nam Dong, Đắk Wil's awaiting the
 * province). Runs after the demo children (order 40), once: nothing happens when the communes
 * already have needs.
 */
@Component
@Order(50)
class DemoNeeds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNeeds.class);
    static final List<String> COMMUNES = List.of("24640", "24649", "24646");
    static final List<String> APPROVED = List.of("24640", "24649");

    /** What a demo need asks for; {@code school} makes it a school need, {@code commune} a commune-wide one. */
    record Template(
            String category,
            String description,
            int quantity,
            String unit,
            long unitCost,
            int served,
            String season,
            Priority priority,
            String school,
            boolean commune) {}

    static List<Template> templates(int year) {
        String winter = "Mùa đông " + year;
        String schoolYear = "Năm học " + year + "-" + (year + 1);
        String wholeYear = "Cả năm " + year;
        return List.of(
                new Template(
                        "DO_AM",
                        "Áo ấm cho trẻ em mùa đông",
                        45,
                        "cái",
                        180_000,
                        45,
                        winter,
                        Priority.HIGH,
                        null,
                        false),
                new Template(
                        "SUC_KHOE",
                        "Khám sức khỏe định kỳ và cấp thuốc cho trẻ em",
                        40,
                        "lượt",
                        150_000,
                        40,
                        wholeYear,
                        Priority.HIGH,
                        null,
                        false),
                new Template(
                        "DINH_DUONG",
                        "Bữa ăn trưa cho học sinh bán trú",
                        600,
                        "suất",
                        20_000,
                        60,
                        schoolYear,
                        Priority.HIGH,
                        null,
                        false),
                new Template(
                        "VUI_CHOI",
                        "Bộ đồ chơi ngoài trời cho điểm trường mầm non",
                        1,
                        "bộ",
                        25_000_000,
                        35,
                        wholeYear,
                        Priority.MEDIUM,
                        "Điểm trường mầm non Hoa Ban",
                        false),
                new Template(
                        "HOC_TAP",
                        "Học bổng cho học sinh nghèo vượt khó",
                        10,
                        "suất",
                        1_000_000,
                        10,
                        schoolYear,
                        Priority.MEDIUM,
                        null,
                        false),
                new Template(
                        "HOC_TAP",
                        "Sách vở và đồ dùng học tập đầu năm học",
                        50,
                        "bộ",
                        200_000,
                        50,
                        schoolYear,
                        Priority.MEDIUM,
                        null,
                        false),
                new Template(
                        "QUAN_AO",
                        "Đồng phục và giày dép cho học sinh tiểu học",
                        40,
                        "bộ",
                        250_000,
                        40,
                        schoolYear,
                        Priority.MEDIUM,
                        null,
                        false),
                new Template(
                        "CONG_TRINH",
                        "Bể nước sạch cho điểm trường",
                        1,
                        "công trình",
                        60_000_000,
                        80,
                        wholeYear,
                        Priority.HIGH,
                        "Điểm trường tiểu học số 2",
                        false),
                new Template(
                        "CONG_TRINH",
                        "Nhà vệ sinh cho trường tiểu học của xã",
                        1,
                        "công trình",
                        45_000_000,
                        120,
                        wholeYear,
                        Priority.MEDIUM,
                        null,
                        true),
                new Template(
                        "DO_AM",
                        "Chăn ấm cho các hộ có trẻ nhỏ",
                        20,
                        "chiếc",
                        250_000,
                        30,
                        winter,
                        Priority.MEDIUM,
                        null,
                        false),
                new Template(
                        "KHAC",
                        "Xe đạp cho học sinh nhà xa trường",
                        2,
                        "chiếc",
                        1_500_000,
                        2,
                        schoolYear,
                        Priority.LOW,
                        null,
                        false),
                new Template(
                        "SUC_KHOE",
                        "Thẻ bảo hiểm y tế cho trẻ em hộ cận nghèo",
                        15,
                        "thẻ",
                        700_000,
                        15,
                        wholeYear,
                        Priority.MEDIUM,
                        null,
                        true),
                new Template(
                        "DINH_DUONG",
                        "Sữa cho trẻ mầm non suy dinh dưỡng",
                        25,
                        "thùng",
                        300_000,
                        25,
                        winter,
                        Priority.LOW,
                        null,
                        false));
    }

    private final NeedManagement needs;
    private final PlanManagement plans;
    private final OrganisationManagement organisation;
    private final ChildDirectory children;
    private final JdbcClient jdbc;
    private final Environment environment;

    DemoNeeds(
            NeedManagement needs,
            PlanManagement plans,
            OrganisationManagement organisation,
            ChildDirectory children,
            JdbcClient jdbc,
            Environment environment) {
        this.needs = needs;
        this.plans = plans;
        this.organisation = organisation;
        this.children = children;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        long existing = jdbc.sql("select count(*) from need where commune_code in ('24640', '24649', '24646')")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        CurrentActor.runAs(Actor.SYSTEM, this::create);
    }

    private void create() {
        int year = organisation.today().getYear();
        List<AnonymousChild> mentionable = mentionableChildren();
        int created = 0;
        for (String commune : COMMUNES) {
            List<OrgUnitView> villages = organisation.villages(commune, organisation.today()).stream()
                    .filter(v -> v.validTo() == null)
                    .toList();
            if (villages.isEmpty()) {
                continue;
            }
            List<NeedView> communeNeeds = new ArrayList<>();
            List<Template> templates = templates(year);
            for (int i = 0; i < templates.size(); i++) {
                Template t = templates.get(i);
                OrgUnitView village = villageFor(t, i, villages);
                NeedTarget target =
                        t.commune() ? NeedTarget.COMMUNE : t.school() != null ? NeedTarget.SCHOOL : NeedTarget.VILLAGE;
                String description = t.commune() ? t.description() : t.description() + " " + village.fullName();
                communeNeeds.add(needs.create(new NeedForm(
                        target.name(),
                        null,
                        t.commune() ? commune : village.code(),
                        t.school(),
                        t.category(),
                        description,
                        Integer.toString(t.quantity()),
                        t.unit(),
                        Long.toString(t.unitCost()),
                        Integer.toString(year),
                        t.season(),
                        null,
                        t.priority().name(),
                        Integer.toString(t.served()),
                        true)));
            }
            for (AnonymousChild child : mentionable) {
                if (commune.equals(child.communeCode()) && communeNeeds.size() < templates.size() + 2) {
                    boolean warm = communeNeeds.size() % 2 == 0;
                    communeNeeds.add(needs.create(new NeedForm(
                            NeedTarget.CHILD.name(),
                            child.publicCode(),
                            child.villageCode(),
                            null,
                            warm ? "DO_AM" : "HOC_TAP",
                            warm ? "Áo ấm và chăn cho mùa đông" : "Sách vở và cặp đi học",
                            "1",
                            "bộ",
                            warm ? "450000" : "350000",
                            Integer.toString(year),
                            warm ? "Mùa đông " + year : "Năm học " + year + "-" + (year + 1),
                            null,
                            Priority.HIGH.name(),
                            "1",
                            true)));
                }
            }
            created += communeNeeds.size();
            PlanView plan = plans.open(commune, year);
            plans.submit(plan.id());
            boolean approved = APPROVED.contains(commune);
            if (approved) {
                plans.approve(plan.id(), "Đồng ý kế hoạch năm " + year + ".");
            }
            for (int i = 0; i < communeNeeds.size(); i++) {
                NeedId id = communeNeeds.get(i).id();
                if (!approved) {
                    if (i % 2 == 1) {
                        continue;
                    }
                    needs.approve(id);
                }
                if (i % 6 == 5) {
                    continue; // approved, not yet published
                }
                NeedView published = needs.publish(id);
                if (i % 4 == 1) {
                    needs.recordFunding(id, new Vnd(published.total().dong() * 2 / 5));
                } else if (i % 7 == 3) {
                    needs.recordFunding(id, published.total());
                    if (i == 3) {
                        needs.markDelivered(id);
                    }
                }
            }
        }
        log.info("Demo needs created: {} (children mentioned: {})", created, mentionable.size());
    }

    /** The first warm-clothes need of Cư Jút goes to Buôn Buôr; the others spread over the villages. */
    private static OrgUnitView villageFor(Template template, int index, List<OrgUnitView> villages) {
        if (index == 0) {
            Optional<OrgUnitView> buor = villages.stream()
                    .filter(v -> VietnameseText.fold(v.fullName()).equals("buon buor"))
                    .findFirst();
            if (buor.isPresent()) {
                return buor.get();
            }
        }
        return villages.get(index % villages.size());
    }

    /**
     * Demo children who may be mentioned to donors. The child directory cannot list children, so
     * the first ids are asked one by one; without demo children only group needs are created.
     */
    private List<AnonymousChild> mentionableChildren() {
        List<AnonymousChild> found = new ArrayList<>();
        for (long id = 1; id <= 300 && found.size() < 6; id++) {
            ChildId childId = new ChildId(id);
            children.anonymousProfile(childId)
                    .filter(c -> COMMUNES.contains(c.communeCode()))
                    .filter(c -> found.stream()
                                    .filter(f -> f.communeCode().equals(c.communeCode()))
                                    .count()
                            < 2)
                    .filter(c -> children.canUse(Actor.SYSTEM, childId))
                    .ifPresent(found::add);
        }
        return found;
    }
}
