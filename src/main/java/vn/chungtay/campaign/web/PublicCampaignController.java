package vn.chungtay.campaign.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.chungtay.campaign.CampaignDetails;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.campaign.CampaignNotFound;
import vn.chungtay.campaign.internal.CampaignDashboard;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

/** A campaign's public page: what it calls for, its programme's goals and its progress (aggregates only). */
@Controller
class PublicCampaignController {

    private final CampaignManagement campaigns;
    private final CampaignDashboard dashboards;
    private final OrganisationManagement organisation;

    PublicCampaignController(
            CampaignManagement campaigns, CampaignDashboard dashboards, OrganisationManagement organisation) {
        this.campaigns = campaigns;
        this.dashboards = dashboards;
        this.organisation = organisation;
    }

    @GetMapping("/public/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        if (id <= 0) {
            throw new CampaignNotFound(Long.toString(id));
        }
        CampaignDetails details = campaigns.details(new CampaignId(id));
        model.addAttribute("details", details);
        model.addAttribute("campaign", details.campaign());
        model.addAttribute(
                "unitName",
                organisation
                        .find(details.campaign().unitCode(), details.campaign().receivingFrom())
                        .or(() -> organisation.find(details.campaign().unitCode(), organisation.today()))
                        .map(OrgUnitView::fullName)
                        .orElse(details.campaign().unitCode()));
        model.addAttribute("progress", dashboards.progress(details));
        return "campaign/public";
    }
}
