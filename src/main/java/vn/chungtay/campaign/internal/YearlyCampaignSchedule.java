package vn.chungtay.campaign.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * Opens the yearly campaigns of the current year at start-up (after the units, categories and
 * programmes are loaded) and every night, so units created during the year get theirs too. Every
 * instance runs it; the database makes the second run a no-op.
 */
@Component
@Order(17)
@EnableScheduling
class YearlyCampaignSchedule implements ApplicationRunner {

    private final CampaignManagement campaigns;
    private final OrganisationManagement organisation;

    YearlyCampaignSchedule(CampaignManagement campaigns, OrganisationManagement organisation) {
        this.campaigns = campaigns;
        this.organisation = organisation;
    }

    @Override
    public void run(ApplicationArguments args) {
        campaigns.openYearly(organisation.today().getYear());
    }

    @Scheduled(
            cron = "${chungtay.campaign.yearly.cron:0 15 1 * * *}",
            zone = "${chungtay.campaign.yearly.zone:Asia/Ho_Chi_Minh}")
    void nightly() {
        campaigns.openYearly(organisation.today().getYear());
    }
}
