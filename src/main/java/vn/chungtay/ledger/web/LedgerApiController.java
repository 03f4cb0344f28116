package vn.chungtay.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.ledger.AllocationPosting;
import vn.chungtay.ledger.CampaignTotals;
import vn.chungtay.ledger.ChainCheck;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Item;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerBalance;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerEntryId;
import vn.chungtay.ledger.LedgerEntryNotFound;
import vn.chungtay.ledger.LedgerHashing;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.ledger.TransferPosting;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

@RestController
@RequestMapping(produces = "application/json")
@Tag(name = "Ledger", description = "Allocations, transfers between levels and reversals; totals and the chain check")
class LedgerApiController {

    private final Ledger ledger;
    private final OrganisationManagement organisation;

    LedgerApiController(Ledger ledger, OrganisationManagement organisation) {
        this.ledger = ledger;
        this.organisation = organisation;
    }

    /** Goods: name, unit and whole quantity. */
    record ItemJson(String name, String unit, Long quantity) {
        Item toItem() {
            if (quantity == null) {
                throw new LedgerRuleBroken("quantityPositive", "ledger.error.quantityPositive");
            }
            try {
                return new Item(name, unit, quantity);
            } catch (IllegalArgumentException e) {
                throw new LedgerRuleBroken("itemComplete", "ledger.error.item");
            }
        }
    }

    /**
     * An allocation from the campaign's pool (or {@code fromUnitCode}'s) to a need, or to a commune
     * (optionally a village and a category), or to a category; money in whole đồng or goods.
     */
    record AllocationRequest(
            Long campaignId,
            Long needId,
            String communeCode,
            String villageCode,
            String categoryCode,
            String fromUnitCode,
            Long amount,
            ItemJson item,
            LocalDate date,
            String note) {}

    record TransferRequest(
            Long campaignId,
            String fromUnitCode,
            String toUnitCode,
            Long amount,
            ItemJson item,
            LocalDate date,
            String note) {}

    record ReversalRequest(String reason) {}

    record EntryJson(
            long id,
            long campaignId,
            long sequence,
            String kind,
            String date,
            long amount,
            ItemJson item,
            String fromAccount,
            String toAccount,
            String communeCode,
            String villageCode,
            String categoryCode,
            Long needId,
            String donorPublicName,
            String publicMessage,
            int childrenCount,
            Long reverses,
            String reason,
            String previousHash,
            String hash) {
        static EntryJson of(LedgerEntry e) {
            return new EntryJson(
                    e.id().value(),
                    e.campaignId().value(),
                    e.sequence(),
                    e.kind().name(),
                    e.date().toString(),
                    e.amount().dong(),
                    e.item() == null
                            ? null
                            : new ItemJson(
                                    e.item().name(), e.item().unit(), e.item().quantity()),
                    LedgerHashing.publicAccount(e.fromAccount()),
                    LedgerHashing.publicAccount(e.toAccount()),
                    e.communeCode(),
                    e.villageCode(),
                    e.categoryCode(),
                    e.needId(),
                    e.donorPublicName(),
                    e.publicMessage(),
                    e.childrenCount(),
                    e.reverses() == null ? null : e.reverses().value(),
                    e.reason(),
                    e.previousHash(),
                    e.hash());
        }
    }

    record BalanceJson(String account, String itemName, String itemUnit, long amount, long quantity) {
        static BalanceJson of(LedgerBalance b) {
            return new BalanceJson(
                    b.account(), b.itemName(), b.itemUnit(), b.amount().dong(), b.quantity());
        }
    }

    record CampaignLedgerJson(
            long campaignId,
            long received,
            long allocated,
            long delivered,
            long unallocated,
            long entries,
            List<BalanceJson> balances) {}

    @PostMapping(value = "/api/v1/allocations", consumes = "application/json")
    @Operation(
            summary = "Allocates money or goods from a pool to a need, a commune or a category",
            description = "201 with the entry (id, sequence, hash); 422 with a Vietnamese message when it would"
                    + " exceed what the pool received, writing nothing; 403 outside the caller's scope")
    ResponseEntity<EntryJson> allocate(@RequestBody AllocationRequest request) {
        requireOfficer();
        Destination to = destination(request);
        LedgerEntry entry = ledger.allocate(new AllocationPosting(
                campaign(request.campaignId()),
                request.fromUnitCode(),
                to,
                date(request.date()),
                amount(request.amount(), request.item()),
                request.item() == null ? null : request.item().toItem(),
                request.note()));
        return created(entry);
    }

    @PostMapping(value = "/api/v1/transfers", consumes = "application/json")
    @Operation(
            summary = "Transfers money or goods from one unit's pool to another's within a campaign",
            description = "201 with the entry; 422 when the sending pool holds less; 403 outside the sender's scope")
    ResponseEntity<EntryJson> transfer(@RequestBody TransferRequest request) {
        requireOfficer();
        LedgerEntry entry = ledger.transfer(new TransferPosting(
                campaign(request.campaignId()),
                request.fromUnitCode(),
                request.toUnitCode(),
                date(request.date()),
                amount(request.amount(), request.item()),
                request.item() == null ? null : request.item().toItem(),
                request.note()));
        return created(entry);
    }

    @PostMapping(value = "/api/v1/ledger/entries/{id}/reversal", consumes = "application/json")
    @Operation(
            summary = "Reverses an entry with a reason (posts its exact opposite)",
            description = "201 with the reversal; 422 when the entry was already reversed, is a reversal, or its"
                    + " money was passed on (reverse the later entries first)")
    ResponseEntity<EntryJson> reverse(@PathVariable long id, @RequestBody ReversalRequest request) {
        requireOfficer();
        LedgerEntry entry = ledger.reverse(entryId(id), request == null ? null : request.reason());
        return created(entry);
    }

    @GetMapping("/api/v1/ledger/entries/{id}")
    @Operation(summary = "One ledger entry")
    EntryJson entry(@PathVariable long id) {
        return ledger.entry(entryId(id)).map(EntryJson::of).orElseThrow(() -> new LedgerEntryNotFound(entryId(id)));
    }

    @GetMapping("/api/v1/ledger/campaigns/{id}")
    @Operation(summary = "A campaign's totals and balances from the ledger")
    CampaignLedgerJson campaignLedger(@PathVariable long id) {
        CampaignId campaign = campaign(id);
        CampaignTotals totals = ledger.totals(campaign);
        return new CampaignLedgerJson(
                id,
                totals.received().dong(),
                totals.allocated().dong(),
                totals.delivered().dong(),
                totals.unallocated().dong(),
                totals.entries(),
                ledger.balances(campaign).stream().map(BalanceJson::of).toList());
    }

    @GetMapping("/api/v1/ledger/campaigns/{id}/verification")
    @Operation(summary = "Recomputes the campaign's hash chain now and names the first entry that no longer matches")
    ChainCheck verify(@PathVariable long id) {
        return ledger.verify(campaign(id));
    }

    private ResponseEntity<EntryJson> created(LedgerEntry entry) {
        return ResponseEntity.created(URI.create("/api/v1/ledger/entries/" + entry.id()))
                .body(EntryJson.of(entry));
    }

    private static void requireOfficer() {
        Actor actor = CurrentActor.get();
        if (!actor.canManage() || actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not post to the ledger");
        }
    }

    private static Destination destination(AllocationRequest request) {
        if (request.needId() != null) {
            return Destination.toNeed(request.needId());
        }
        if (blank(request.communeCode()) && blank(request.categoryCode())) {
            throw new LedgerRuleBroken("allocationNamesDestination", "ledger.error.destinationRequired");
        }
        return new Destination(null, request.communeCode(), request.villageCode(), request.categoryCode());
    }

    private static CampaignId campaign(Long id) {
        if (id == null) {
            throw new LedgerRuleBroken("postingNamesCampaign", "ledger.error.campaignRequired");
        }
        if (id <= 0) {
            throw new LedgerRuleBroken("campaignExists", "ledger.error.campaignUnknown", id.toString());
        }
        return new CampaignId(id);
    }

    private static LedgerEntryId entryId(long id) {
        if (id <= 0) {
            throw new LedgerEntryNotFound(id);
        }
        return new LedgerEntryId(id);
    }

    private LocalDate date(LocalDate date) {
        return date == null ? organisation.today() : date;
    }

    private static Vnd amount(Long amount, ItemJson item) {
        if (amount == null) {
            if (item == null) {
                throw new LedgerRuleBroken("amountPositive", "ledger.error.amountPositive");
            }
            return null;
        }
        if (amount < 0 || (amount == 0 && item == null)) {
            throw new LedgerRuleBroken("amountPositive", "ledger.error.amountPositive");
        }
        return Vnd.of(amount);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
