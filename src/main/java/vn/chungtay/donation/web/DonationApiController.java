package vn.chungtay.donation.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.donation.Channel;
import vn.chungtay.donation.DonationManagement;
import vn.chungtay.donation.DonationQuery;
import vn.chungtay.donation.GiftForm;
import vn.chungtay.donation.GiftId;
import vn.chungtay.donation.GiftView;
import vn.chungtay.donation.InvalidDonation;
import vn.chungtay.shared.paging.Page;

@RestController
@RequestMapping(value = "/api/v1/donations", produces = "application/json")
@Tag(name = "Donations", description = "Gifts received for campaigns: cash, transfers, goods in kind; receipts")
class DonationApiController {

    private final DonationManagement donations;

    DonationApiController(DonationManagement donations) {
        this.donations = donations;
    }

    /** The donor of a new gift, when no {@code donorId} is given. */
    record DonorRequest(
            String name,
            String kind,
            Boolean domestic,
            String country,
            String phone,
            String email,
            Boolean anonymous,
            Boolean listConsent) {}

    record ItemRequest(
            String name,
            Long quantity,
            String unit,
            @JsonAlias({"estimatedValue", "valueDong"}) Long value,
            String condition,
            LocalDate expiresOn) {}

    record DonationRequest(
            Long campaignId,
            Long donorId,
            DonorRequest donor,
            String channel,
            Long amount,
            LocalDate receivedOn,
            Long needId,
            String communeCode,
            String categoryCode,
            String message,
            String receivedBy,
            List<ItemRequest> items) {

        GiftForm form() {
            DonorRequest d = donor == null ? new DonorRequest(null, null, null, null, null, null, null, null) : donor;
            return new GiftForm(
                    campaignId,
                    donorId,
                    d.name(),
                    d.kind(),
                    d.domestic(),
                    d.country(),
                    d.phone(),
                    d.email(),
                    d.anonymous(),
                    d.listConsent(),
                    channel,
                    amount,
                    receivedOn,
                    needId,
                    communeCode,
                    categoryCode,
                    message,
                    receivedBy,
                    items == null
                            ? List.of()
                            : items.stream()
                                    .map(i -> new GiftForm.ItemForm(
                                            i.name(), i.quantity(), i.unit(), i.value(), i.condition(), i.expiresOn()))
                                    .toList());
        }
    }

    record ReceiptRequest(String email) {}

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Records a gift for a campaign and posts it to the ledger",
            description = "`donor` ({name, kind, domestic, …}) or `donorId`; `channel` CASH, BANK_TRANSFER, IN_KIND or"
                    + " OTHER; `amount` in whole đồng, or `items` [{name, quantity, unit, value, condition, expiresOn}]"
                    + " for goods; optional earmark `needId` (or `communeCode`/`categoryCode`). 201 with `id` and"
                    + " `receiptNumber`; 400 names the wrong field (also when the campaign does not receive on"
                    + " `receivedOn`); 403 outside the caller's scope; 422 when the ledger refuses")
    ResponseEntity<DonationJson> create(@RequestBody DonationRequest request) {
        GiftView gift = donations.record(request.form());
        return ResponseEntity.created(URI.create("/api/v1/donations/" + gift.id()))
                .body(DonationJson.of(gift));
    }

    @GetMapping
    @Operation(summary = "Gifts within the caller's scope, newest first, by campaign, unit, channel, dates and text")
    Map<String, Object> list(
            @RequestParam(required = false) Long campaign,
            @RequestParam(required = false) String unit,
            @Parameter(description = "CASH, BANK_TRANSFER, IN_KIND or OTHER") @RequestParam(required = false)
                    String channel,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long need,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Channel wanted = null;
        if (channel != null && !channel.isBlank()) {
            try {
                wanted = Channel.valueOf(channel.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidDonation.of("channel", "donation.error.channel");
            }
        }
        Page<GiftView> found = donations.find(new DonationQuery(campaign, unit, wanted, from, to, q, need), page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", found.items().stream().map(DonationJson::of).toList());
        body.put("page", found.number());
        body.put("size", found.size());
        body.put("totalElements", found.totalItems());
        body.put("totalPages", found.totalPages());
        return body;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One gift (403 outside the caller's scope)")
    DonationJson get(@PathVariable long id) {
        return DonationJson.of(donations.get(new GiftId(id)));
    }

    @PostMapping(value = "/{id}/reverse", consumes = "application/json")
    @Operation(summary = "Reverses a gift with a `reason`: its ledger entries are undone by reversing entries")
    DonationJson reverse(@PathVariable long id, @RequestBody Map<String, String> body) {
        return DonationJson.of(donations.reverse(new GiftId(id), body.get("reason")));
    }

    @PostMapping(value = "/{id}/receipt/send")
    @Operation(summary = "Mails the receipt PDF to `email`, or to the donor's address when none is given")
    Map<String, Object> sendReceipt(@PathVariable long id, @RequestBody(required = false) ReceiptRequest request) {
        String to = donations.sendReceipt(new GiftId(id), request == null ? null : request.email());
        return Map.of("queued", true, "to", to);
    }
}
