package vn.chungtay.organisation.internal;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.VillageForm;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/** Demo villages of the three communes formed from old Cư Jút district, when demo data is on. */
@Component
@Order(20)
class DemoVillages implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVillages.class);

    static final Map<String, List<VillageForm>> VILLAGES = Map.of(
            "24640",
            List.of(
                    new VillageForm("Thôn 1", "Thôn", false),
                    new VillageForm("Thôn 2", "Thôn", false),
                    new VillageForm("Thôn 3", "Thôn", false),
                    new VillageForm("Buôn Trum", "Buôn", true),
                    new VillageForm("Buôn Buôr", "Buôn", true),
                    new VillageForm("Buôn Nui", "Buôn", true),
                    new VillageForm("Thôn Tân Lập", "Thôn", false),
                    new VillageForm("Thôn Trung Sơn", "Thôn", false)),
            "24649",
            List.of(
                    new VillageForm("Thôn 2", "Thôn", false),
                    new VillageForm("Thôn 6", "Thôn", false),
                    new VillageForm("Thôn 10", "Thôn", false),
                    new VillageForm("Thôn 14", "Thôn", false),
                    new VillageForm("Buôn Ea Mang", "Buôn", true),
                    new VillageForm("Thôn Nam Hải", "Thôn", false),
                    new VillageForm("Bon Đắk Hòa", "Bon", true)),
            "24646",
            List.of(
                    new VillageForm("Thôn Đắk Thanh", "Thôn", false),
                    new VillageForm("Thôn Trúc Lâm", "Thôn", false),
                    new VillageForm("Buôn Ea Pô", "Buôn", true),
                    new VillageForm("Thôn Cao Sơn", "Thôn", false),
                    new VillageForm("Bon Đắk Wil", "Bon", true),
                    new VillageForm("Thôn Thái Học", "Thôn", false)));

    private final OrganisationManagement organisation;
    private final Environment environment;

    DemoVillages(OrganisationManagement organisation, Environment environment) {
        this.organisation = organisation;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> VILLAGES.forEach((commune, villages) -> {
                    if (!organisation.children(commune, organisation.today()).isEmpty()) {
                        return;
                    }
                    villages.forEach(v -> organisation.createVillage(commune, v));
                    log.info("Demo villages created in commune {}: {}", commune, villages.size());
                }));
    }
}
