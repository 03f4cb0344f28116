package vn.chungtay.campaign.internal;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * Demo campaigns: the 17 October campaigns of 2025 (opened by the yearly job, as 2026's already
 * were at start-up) with receiving accounts for Lâm Đồng, Cư Jút and Nam Dong, and one more campaign
 * per demo commune with its own account for the whole of the current year. The demo gifts (order 80)
 * go into these. Idempotent: accounts and campaigns already there are kept.
 */
@Component
@Order(60)
class DemoCampaigns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

    /**
     * A demo unit's account for its 17 October campaigns, and the name and account of its own
     * campaign (none for the province); separate accounts so a statement line names one campaign.
     */
    record DemoUnit(String code, BankAccount account, String ownCampaign, BankAccount ownAccount) {}

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit(
                    "68",
                    new BankAccount("970436", "Vietcombank", "0631000468168", "UY BAN MTTQ VIET NAM TINH LAM DONG"),
                    null,
                    null),
            new DemoUnit(
                    "24640",
                    new BankAccount("970436", "Vietcombank", "0631000424640", "UY BAN MTTQ VIET NAM XA CU JUT"),
                    "Áo ấm và học bổng cho trẻ em Cư Jút",
                    new BankAccount("970415", "VietinBank", "104000246401", "UY BAN MTTQ VIET NAM XA CU JUT")),
            new DemoUnit(
                    "24649",
                    new BankAccount("970415", "VietinBank", "104002464901", "UY BAN MTTQ VIET NAM XA NAM DONG"),
                    "Bữa ăn bán trú cho học sinh Nam Dong",
                    new BankAccount("970436", "Vietcombank", "0631000424649", "UY BAN MTTQ VIET NAM XA NAM DONG")),
            new DemoUnit(
                    "24646",
                    new BankAccount("970415", "VietinBank", "104002464602", "UY BAN MTTQ VIET NAM XA DAK WIL"),
                    "Sách vở và đồ dùng học tập cho trẻ em Đắk Wil",
                    new BankAccount("970436", "Vietcombank", "0631000424646", "UY BAN MTTQ VIET NAM XA DAK WIL")));

    private final CampaignManagement campaigns;
    private final OrganisationManagement organisation;
    private final Environment environment;

    DemoCampaigns(CampaignManagement campaigns, OrganisationManagement organisation, Environment environment) {
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        CurrentActor.runAs(Actor.SYSTEM, this::create);
    }

    private void create() {
        int opened = campaigns.openYearly(2025);
        int year = organisation.today().getYear();
        int added = 0;
        for (DemoUnit unit : UNITS) {
            for (int y : List.of(2025, year)) {
                for (Campaign campaign : campaigns.list(unit.code(), y)) {
                    if (campaigns.details(campaign.id()).yearly()
                            && campaign.accounts().isEmpty()) {
                        campaigns.addAccount(campaign.id(), unit.account());
                    }
                }
            }
            if (unit.ownCampaign() == null) {
                continue;
            }
            String name = unit.ownCampaign() + " " + year;
            boolean present = campaigns.list(unit.code(), year).stream()
                    .anyMatch(c -> c.name().equals(name));
            if (!present) {
                campaigns.create(new CampaignForm(
                        name,
                        unit.code(),
                        LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31),
                        150_000_000L,
                        year,
                        List.of(unit.ownAccount()),
                        List.of()));
                added++;
            }
        }
        log.info(
                "Demo campaigns: {} yearly campaigns opened for 2025, {} campaigns of the demo communes added",
                opened,
                added);
    }
}
