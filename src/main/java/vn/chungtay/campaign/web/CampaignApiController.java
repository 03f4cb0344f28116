package vn.chungtay.campaign.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.campaign.InvalidCampaign;

@RestController
@RequestMapping(value = "/api/v1/campaigns", produces = "application/json")
@Tag(name = "Campaigns", description = "Campaigns as funding containers: window, bank accounts, target")
class CampaignApiController {

    private final CampaignManagement campaigns;
    private final MessageSource messages;

    CampaignApiController(CampaignManagement campaigns, MessageSource messages) {
        this.campaigns = campaigns;
        this.messages = messages;
    }

    record CampaignJson(
            long id,
            String code,
            String name,
            String unitCode,
            String receivingFrom,
            String receivingTo,
            long target,
            Integer planYear,
            List<BankAccount> accounts,
            List<Long> needIds) {
        static CampaignJson of(Campaign c) {
            return new CampaignJson(
                    c.id().value(),
                    c.code(),
                    c.name(),
                    c.unitCode(),
                    c.receivingFrom().toString(),
                    c.receivingTo().toString(),
                    c.target().dong(),
                    c.planYear(),
                    c.accounts(),
                    c.needIds());
        }
    }

    @GetMapping
    @Operation(summary = "Campaigns organised by a unit, those receiving in a year when `year` is given")
    List<CampaignJson> list(@RequestParam String unit, @RequestParam(required = false) Integer year) {
        return campaigns.list(unit.strip(), year).stream().map(CampaignJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign")
    CampaignJson get(@PathVariable long id) {
        return CampaignJson.of(campaigns.get(new CampaignId(id)));
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Opens a campaign for a unit within the caller's scope; 400 names the wrong field")
    ResponseEntity<CampaignJson> create(@RequestBody CampaignForm form) {
        Campaign campaign = campaigns.create(form);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id()))
                .body(CampaignJson.of(campaign));
    }

    @ExceptionHandler(InvalidCampaign.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidCampaign e, Locale locale) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of(
                        "error",
                        "invalid",
                        "field",
                        e.field(),
                        "message",
                        messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badValue(IllegalArgumentException e, Locale locale) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of(
                        "error",
                        "invalid",
                        "message",
                        messages.getMessage("campaign.error.value", null, "campaign.error.value", locale)));
    }
}
