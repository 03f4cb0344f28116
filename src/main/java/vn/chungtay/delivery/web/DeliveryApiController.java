package vn.chungtay.delivery.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.chungtay.delivery.CampaignChoice;
import vn.chungtay.delivery.DeliveryForm;
import vn.chungtay.delivery.DeliveryId;
import vn.chungtay.delivery.DeliveryManagement;
import vn.chungtay.delivery.DeliveryUpload;
import vn.chungtay.delivery.DeliveryView;
import vn.chungtay.delivery.InvalidDeliveryInput;
import vn.chungtay.delivery.ProofKind;
import vn.chungtay.delivery.SupportHistory;
import vn.chungtay.need.NeedId;
import vn.chungtay.shared.paging.Page;

@RestController
@RequestMapping(value = "/api/v1/deliveries", produces = "application/json")
@Tag(
        name = "Deliveries",
        description = "What reached the children of a need, its proof, and each child's support history")
class DeliveryApiController {

    private final DeliveryManagement deliveries;

    DeliveryApiController(DeliveryManagement deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Records a distribution for a funded need and posts it to the ledger",
            description = "Body: `needId`, `date` (default today), `amount` (whole VND) and/or `items`"
                    + " ([{`name`, `unit`, `quantity`, `value`}]; `value` defaults to quantity × the need's unit cost"
                    + " when the unit is the need's), `childrenCount`, `campaignId` (optional when one campaign"
                    + " allocated to the need), `childIds` (optional; children of the need's commune with valid"
                    + " consent), `handedOverBy`, `note`, `confirmDuplicate`. Answers 201; the delivery waits as"
                    + " AWAITING_PROOF (and the need stays FUNDED) until the recipients' confirmation is attached"
                    + " with `POST /api/v1/deliveries/{id}/proof`. 400 names the wrong field; 403 outside the scope;"
                    + " 409 with `earlier` when a named child already received the category this season (send"
                    + " `confirmDuplicate: true`); 422 when more than was allocated would be delivered — nothing"
                    + " is written then")
    ResponseEntity<DeliveryJson> create(@RequestBody DeliveryForm form) {
        DeliveryView delivery = deliveries.record(form);
        return ResponseEntity.created(URI.create("/api/v1/deliveries/" + delivery.id()))
                .body(DeliveryJson.of(delivery));
    }

    @GetMapping
    @Operation(summary = "Deliveries within the caller's scope, newest first, optionally of one need")
    Map<String, Object> list(
            @Parameter(description = "a need's id") @RequestParam(required = false) Long need,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page<DeliveryView> found = deliveries.find(need, page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", found.items().stream().map(DeliveryJson::of).toList());
        body.put("page", found.number());
        body.put("size", found.size());
        body.put("totalElements", found.totalItems());
        body.put("totalPages", found.totalPages());
        return body;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One delivery with its items, the children's ids and its files' SHA-256")
    DeliveryJson get(@PathVariable long id) {
        return DeliveryJson.of(deliveries.get(new DeliveryId(id)));
    }

    @PostMapping(value = "/{id}/proof", consumes = "multipart/form-data")
    @Operation(
            summary = "Attaches the recipients' confirmation (photo or scan of the signed list, or of the"
                    + " guardian's signature or thumbprint): JPEG, PNG or PDF up to 10 MB",
            description = "Part `file`; `proofKind` SIGNED_LIST (default) or GUARDIAN_SIGNATURE. The delivery becomes"
                    + " CONFIRMED and the need DELIVERED when all that was allocated is delivered and proven")
    DeliveryJson proof(
            @PathVariable long id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String proofKind)
            throws IOException {
        return DeliveryJson.of(deliveries.attachProof(new DeliveryId(id), upload(file, "file"), proofKind(proofKind)));
    }

    @PostMapping(value = "/{id}/photos", consumes = "multipart/form-data")
    @Operation(summary = "Attaches another photo of the handing over (JPEG, PNG or PDF up to 10 MB; private)")
    DeliveryJson photo(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        return DeliveryJson.of(deliveries.attachPhoto(new DeliveryId(id), upload(file, "file")));
    }

    @GetMapping("/campaigns")
    @Operation(summary = "The campaigns that allocated to a need, with what is left to deliver from each")
    List<Map<String, Object>> campaigns(@RequestParam long need) {
        return deliveries.campaignsFor(new NeedId(need)).stream()
                .map(DeliveryApiController::choice)
                .toList();
    }

    @GetMapping("/children/{childId}")
    @Operation(
            summary = "What a child received, from anyone (category, season, date, campaign); an audited read",
            description = "Supervisors give a `reason`")
    Map<String, Object> history(@PathVariable long childId, @RequestParam(required = false) String reason) {
        SupportHistory history = deliveries.supportHistory(childId, reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("childId", history.childId());
        body.put("publicCode", history.publicCode());
        body.put("records", history.records());
        return body;
    }

    private static Map<String, Object> choice(CampaignChoice c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", c.campaignId());
        body.put("name", c.name());
        body.put("allocated", c.allocated().dong());
        body.put("delivered", c.delivered().dong());
        body.put("remaining", c.remaining().dong());
        return body;
    }

    static DeliveryUpload upload(MultipartFile file, String field) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidDeliveryInput.of(field, "delivery.file.empty");
        }
        return new DeliveryUpload(file.getOriginalFilename(), file.getBytes());
    }

    static ProofKind proofKind(String text) {
        if (text == null || text.isBlank()) {
            return ProofKind.SIGNED_LIST;
        }
        try {
            return ProofKind.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidDeliveryInput.of("proofKind", "delivery.proofKind.invalid");
        }
    }
}
