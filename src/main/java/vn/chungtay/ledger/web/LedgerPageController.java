package vn.chungtay.ledger.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.campaign.CampaignNotFound;
import vn.chungtay.ledger.AllocationPosting;
import vn.chungtay.ledger.ChainCheck;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerBalance;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerEntryId;
import vn.chungtay.ledger.LedgerEntryNotFound;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.ledger.internal.LedgerQueries;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedQuery;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * Officers' ledger pages: the campaigns of their unit, and a campaign's balances and entries with a
 * form to allocate (to a need of the campaign's communes, a commune or a category), a reversal with
 * a reason per entry, and the chain check on demand.
 */
@Controller
class LedgerPageController {

    private static final int PAGE_SIZE = 25;

    private final Ledger ledger;
    private final LedgerQueries queries;
    private final LedgerLabels labels;
    private final CampaignManagement campaigns;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    LedgerPageController(
            Ledger ledger,
            LedgerQueries queries,
            LedgerLabels labels,
            CampaignManagement campaigns,
            NeedManagement needs,
            OrganisationManagement organisation,
            MessageSource messages) {
        this.ledger = ledger;
        this.queries = queries;
        this.labels = labels;
        this.campaigns = campaigns;
        this.needs = needs;
        this.organisation = organisation;
        this.messages = messages;
    }

    /** What an officer types to allocate: {@code target} is NEED, COMMUNE or CATEGORY; the amount as typed. */
    record AllocationForm(
            String target, Long needId, String communeCode, String categoryCode, String amount, String note) {}

    @GetMapping("/ledger")
    String campaigns(@RequestParam(defaultValue = "") String unit, Model model) {
        Actor actor = reader();
        String code = !unit.isBlank() ? unit.strip() : actor.scopeCode() != null ? actor.scopeCode() : "68";
        List<String> units = new ArrayList<>();
        units.add(code);
        organisation.ancestors(code, organisation.today()).forEach(u -> units.add(u.code()));
        Map<String, List<Campaign>> byUnit = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (OrgUnitView u : organisation.findAll(units, organisation.today())) {
            names.put(u.code(), u.fullName());
        }
        for (String u : units) {
            List<Campaign> list = campaigns.list(u, null);
            if (!list.isEmpty()) {
                byUnit.put(u, list);
            }
        }
        model.addAttribute("unit", code);
        model.addAttribute("byUnit", byUnit);
        model.addAttribute("unitNames", names);
        return "ledger/campaigns";
    }

    @GetMapping("/ledger/campaigns/{id}")
    String campaign(
            @PathVariable long id,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long after,
            Model model,
            Locale locale) {
        Actor actor = reader();
        Campaign campaign = campaign(id);
        LedgerQueries.EntryPage page = queries.entries(id, LedgerQueries.Filter.none(), before, after, PAGE_SIZE);
        List<LedgerBalance> balances = BalanceSummary.addTo(model, ledger.balances(campaign.id()));
        boolean canPost = actor.canManage() && organisation.covers(actor, campaign.unitCode());
        model.addAttribute("campaign", campaign);
        model.addAttribute("totals", ledger.totals(campaign.id()));
        model.addAttribute("page", page);
        model.addAttribute("labels", labels.of(page.rows(), balances, List.of(campaign.unitCode()), locale));
        model.addAttribute("canPost", canPost);
        model.addAttribute("head", ledger.head(campaign.id()));
        if (canPost) {
            model.addAttribute("openNeeds", openNeeds(campaign));
            model.addAttribute("categories", needs.categories());
            model.addAttribute("form", new AllocationForm("NEED", null, campaign.unitCode(), null, null, null));
        }
        return "ledger/campaign";
    }

    @PostMapping("/ledger/campaigns/{id}/allocations")
    String allocate(
            @PathVariable long id, @ModelAttribute AllocationForm form, RedirectAttributes redirect, Locale locale) {
        Campaign campaign = campaign(id);
        try {
            Destination to = switch (form.target() == null ? "" : form.target()) {
                case "NEED" -> {
                    if (form.needId() == null) {
                        throw new LedgerRuleBroken("allocationNamesDestination", "ledger.error.destinationRequired");
                    }
                    yield Destination.toNeed(form.needId());
                }
                case "COMMUNE" -> {
                    if (form.communeCode() == null || form.communeCode().isBlank()) {
                        throw new LedgerRuleBroken("allocationNamesDestination", "ledger.error.destinationRequired");
                    }
                    yield Destination.toCommune(form.communeCode(), blankToNull(form.categoryCode()));
                }
                case "CATEGORY" -> {
                    if (form.categoryCode() == null || form.categoryCode().isBlank()) {
                        throw new LedgerRuleBroken("allocationNamesDestination", "ledger.error.destinationRequired");
                    }
                    yield new Destination(null, null, null, form.categoryCode());
                }
                default -> throw new LedgerRuleBroken("allocationNamesDestination", "ledger.error.destinationRequired");
            };
            LedgerEntry entry = ledger.allocate(new AllocationPosting(
                    campaign.id(), null, to, organisation.today(), dong(form.amount()), null, form.note()));
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "ledger.allocation.done",
                            new Object[] {entry.amount().formatted(), Long.toString(entry.sequence())},
                            locale));
        } catch (LedgerRuleBroken e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/ledger/campaigns/" + id;
    }

    @PostMapping("/ledger/entries/{id}/reversal")
    String reverse(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect,
            Locale locale) {
        if (id <= 0) {
            throw new LedgerEntryNotFound(id);
        }
        LedgerEntry original = ledger.entry(new LedgerEntryId(id)).orElseThrow(() -> new LedgerEntryNotFound(id));
        try {
            LedgerEntry reversal = ledger.reverse(original.id(), reason);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "ledger.reversal.done",
                            new Object[] {Long.toString(original.sequence()), Long.toString(reversal.sequence())},
                            locale));
        } catch (LedgerRuleBroken e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/ledger/campaigns/" + original.campaignId().value();
    }

    @PostMapping("/ledger/campaigns/{id}/verification")
    String verify(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        reader();
        Campaign campaign = campaign(id);
        ChainCheck check = ledger.verify(campaign.id());
        if (check.intact()) {
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("ledger.verify.intact", new Object[] {Long.toString(check.checked())}, locale));
        } else {
            redirect.addFlashAttribute(
                    "flashError",
                    messages.getMessage(
                            "ledger.verify.broken", new Object[] {Long.toString(check.firstBrokenSequence())}, locale));
        }
        return "redirect:/ledger/campaigns/" + id;
    }

    private List<NeedView> openNeeds(Campaign campaign) {
        OrgUnitView unit =
                organisation.find(campaign.unitCode(), organisation.today()).orElse(null);
        String commune = unit != null && unit.isCommune() ? unit.code() : null;
        List<NeedView> open = new ArrayList<>();
        for (NeedStatus status : List.of(NeedStatus.PUBLISHED, NeedStatus.PARTLY_FUNDED)) {
            open.addAll(needs.find(new NeedQuery(commune, status, null, null, null), 0, 100)
                    .items());
        }
        return open.stream()
                .filter(n -> organisation.isWithin(n.communeCode(), campaign.unitCode(), organisation.today()))
                .sorted((a, b) -> Long.compare(a.id().value(), b.id().value()))
                .toList();
    }

    private Campaign campaign(long id) {
        if (id <= 0) {
            throw new CampaignNotFound(Long.toString(id));
        }
        return campaigns.get(new CampaignId(id));
    }

    private static Actor reader() {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read the officers' ledger pages");
        }
        return actor;
    }

    /** Whole đồng as typed ({@code 1500000}, {@code 1.500.000}, {@code 1,500,000 đ}); null when it is not one. */
    static Vnd dong(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip().replaceAll("(?iu)\\s*(₫|đ|vnd|đồng)$", "");
        if (value.matches("\\d{1,3}([.,\\s]\\d{3})+")) {
            value = value.replaceAll("[.,\\s]", "");
        }
        if (!value.matches("\\d{1,16}")) {
            return null;
        }
        return Vnd.of(Long.parseLong(value));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
