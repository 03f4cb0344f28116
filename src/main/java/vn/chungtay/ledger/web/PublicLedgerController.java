package vn.chungtay.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.campaign.CampaignNotFound;
import vn.chungtay.ledger.ChainHead;
import vn.chungtay.ledger.EntryKind;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerBalance;
import vn.chungtay.ledger.internal.LedgerExport;
import vn.chungtay.ledger.internal.LedgerQueries;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * The public account (sao kê), no sign-in: per campaign every receipt, allocation, transfer and
 * delivery with search, filters and paging; the CSV that the hash chain covers; the chain head
 * and its daily history.
 */
@Controller
@Tag(name = "Public ledger", description = "The public account of a campaign and its hash chain (no sign-in)")
class PublicLedgerController {

    private static final int PAGE_SIZE = 25;

    private final Ledger ledger;
    private final LedgerQueries queries;
    private final LedgerExport export;
    private final LedgerLabels labels;
    private final CampaignManagement campaigns;
    private final OrganisationManagement organisation;

    PublicLedgerController(
            Ledger ledger,
            LedgerQueries queries,
            LedgerExport export,
            LedgerLabels labels,
            CampaignManagement campaigns,
            OrganisationManagement organisation) {
        this.ledger = ledger;
        this.queries = queries;
        this.export = export;
        this.labels = labels;
        this.campaigns = campaigns;
        this.organisation = organisation;
    }

    record HeadJson(long campaignId, String date, long count, String headHash) {
        static HeadJson of(ChainHead head) {
            return new HeadJson(head.campaignId(), head.date().toString(), head.count(), head.headHash());
        }
    }

    @GetMapping("/public/ledger")
    String page(
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String province,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String min,
            @RequestParam(defaultValue = "") String max,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String ref,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long after,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Listed listing = publicCampaigns();
        List<Campaign> all = listing.campaigns();
        model.addAttribute("provinces", listing.provinces());
        model.addAttribute("otherUnits", listing.byProvince().containsKey(OTHER));
        String wanted = province == null ? "" : province.strip();
        Optional<Campaign> chosen;
        if (listing.byProvince().containsKey(wanted)) {
            // a province picked: the campaign asked for when it is that province's, else its newest
            Optional<Campaign> asked =
                    campaign == null || campaign.isBlank() ? Optional.empty() : Optional.of(campaign(campaign));
            chosen = asked.filter(c -> wanted.equals(listing.provinceOf(c)))
                    .or(() -> listing.byProvince().get(wanted).stream().findFirst());
        } else {
            chosen = chosen(campaign, all);
        }
        if (chosen.isEmpty()) {
            model.addAttribute("campaigns", List.of());
            model.addAttribute("province", "");
            return "ledger/public";
        }
        Campaign c = chosen.get();
        String shownProvince = listing.provinceOf(c);
        model.addAttribute("province", shownProvince);
        List<Campaign> listed = new ArrayList<>(listing.byProvince().getOrDefault(shownProvince, List.of()));
        if (!listed.contains(c)) {
            listed.add(0, c);
        }
        model.addAttribute("campaigns", listed);
        List<String> problems = new ArrayList<>();
        LedgerQueries.Filter filter = new LedgerQueries.Filter(
                q,
                amount(min, "min", problems),
                amount(max, "max", problems),
                date(from, "from", problems),
                date(to, "to", problems),
                kind(kind),
                ref.isBlank() ? null : ref);
        LedgerQueries.EntryPage page = queries.entries(c.id().value(), filter, before, after, PAGE_SIZE);
        List<LedgerBalance> balances = BalanceSummary.addTo(model, ledger.balances(c.id()));
        model.addAttribute("campaign", c);
        model.addAttribute("totals", ledger.totals(c.id()));
        model.addAttribute("page", page);
        model.addAttribute("problems", problems);
        model.addAttribute("filtered", !filter.isEmpty());
        model.addAttribute("labels", labels.of(page.rows(), balances, List.of(c.unitCode()), locale));
        model.addAttribute("head", ledger.head(c.id()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("campaign", Long.toString(c.id().value()));
        query.put("q", q);
        query.put("min", min);
        query.put("max", max);
        query.put("from", from);
        query.put("to", to);
        query.put("kind", kind);
        query.put("ref", ref);
        model.addAttribute("q", q);
        model.addAttribute("min", min);
        model.addAttribute("max", max);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("kind", kind);
        model.addAttribute("ref", ref);
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("pageUrl", "/public/ledger?" + queryString(query) + "&");
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "ledger/public :: results";
        }
        return "ledger/public";
    }

    @GetMapping(value = "/public/ledger.csv")
    @Operation(
            summary = "The campaign's ledger as CSV: the hashed public fields, previous hash and hash of every entry",
            description = "RFC 4180, UTF-8 with a byte order mark; cells that a spreadsheet would run as formulas"
                    + " start with an apostrophe. See docs/ledger-hashing.md to verify it.")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam String campaign) {
        Campaign c = campaign(campaign);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            export.writeCsv(c.id().value(), writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("so-cai-" + c.code() + ".csv")
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping(value = "/public/ledger/head", produces = "application/json")
    @ResponseBody
    @Operation(summary = "The head of the campaign's hash chain now: date, entry count and the last entry's hash")
    HeadJson head(@RequestParam String campaign) {
        return HeadJson.of(ledger.head(campaign(campaign).id()));
    }

    @GetMapping(value = "/public/ledger/heads", produces = "application/json")
    @ResponseBody
    @Operation(summary = "The heads published once a day, newest first")
    List<HeadJson> heads(@RequestParam String campaign) {
        return ledger.headHistory(campaign(campaign).id()).stream()
                .map(HeadJson::of)
                .toList();
    }

    /** Campaigns of units no longer (or not yet) found in today's hierarchy are listed under this key. */
    static final String OTHER = "-";

    /**
     * The campaigns with entries, newest first, for the ids they were listed for and when
     * (System.nanoTime): grouped by the province of their unit today, with the provinces that have
     * any, by name. The page lists one province's campaigns at a time: at national scale there
     * are thousands (a province's and each commune's every year).
     */
    record Listed(
            List<Long> ids,
            List<Campaign> campaigns,
            Map<Long, String> provinceByCampaign,
            Map<String, List<Campaign>> byProvince,
            List<OrgUnitView> provinces,
            long at) {

        String provinceOf(Campaign campaign) {
            return provinceByCampaign.getOrDefault(campaign.id().value(), OTHER);
        }
    }

    private static final long LISTED_FOR_NANOS = 60_000_000_000L;

    private volatile Listed listed;

    /**
     * The campaigns with entries by province. Kept while the same campaigns have entries (one
     * query), at most a minute; building it takes a few queries whatever the number of campaigns.
     */
    private Listed publicCampaigns() {
        List<Long> ids = queries.campaignsWithEntries();
        Listed known = listed;
        if (known != null && known.ids().equals(ids) && System.nanoTime() - known.at() < LISTED_FOR_NANOS) {
            return known;
        }
        List<Campaign> found = new ArrayList<>(
                campaigns.findAll(ids.stream().map(CampaignId::new).toList()));
        found.sort(Comparator.comparing(Campaign::receivingFrom).reversed().thenComparing(c -> -c.id().value()));
        LocalDate today = organisation.today();
        Map<String, OrgUnitView> units = new java.util.HashMap<>();
        organisation
                .findAll(found.stream().map(Campaign::unitCode).distinct().toList(), today)
                .forEach(u -> units.put(u.code(), u));
        List<String> communesOfVillages = units.values().stream()
                .filter(u -> u.level() > 2 && u.parentCode() != null)
                .map(OrgUnitView::parentCode)
                .distinct()
                .toList();
        Map<String, OrgUnitView> parents = new java.util.HashMap<>();
        organisation.findAll(communesOfVillages, today).forEach(u -> parents.put(u.code(), u));
        Map<Long, String> provinceByCampaign = new java.util.HashMap<>();
        Map<String, List<Campaign>> byProvince = new LinkedHashMap<>();
        for (Campaign campaign : found) {
            String province = provinceOf(units.get(campaign.unitCode()), parents);
            provinceByCampaign.put(campaign.id().value(), province);
            byProvince.computeIfAbsent(province, k -> new ArrayList<>()).add(campaign);
        }
        byProvince.replaceAll((k, v) -> List.copyOf(v));
        List<OrgUnitView> provinces = organisation.provinces(today).stream()
                .filter(p -> byProvince.containsKey(p.code()))
                .toList();
        Listed list = new Listed(
                List.copyOf(ids),
                List.copyOf(found),
                Map.copyOf(provinceByCampaign),
                java.util.Collections.unmodifiableMap(byProvince),
                provinces,
                System.nanoTime());
        listed = list;
        return list;
    }

    private static String provinceOf(OrgUnitView unit, Map<String, OrgUnitView> parents) {
        if (unit == null) {
            return OTHER;
        }
        if (unit.level() <= 1) {
            return unit.level() == 1 ? unit.code() : OTHER;
        }
        if (unit.level() == 2) {
            return unit.parentCode() == null ? OTHER : unit.parentCode();
        }
        OrgUnitView commune = parents.get(unit.parentCode());
        return commune == null || commune.parentCode() == null ? OTHER : commune.parentCode();
    }

    private Optional<Campaign> chosen(String campaign, List<Campaign> all) {
        if (campaign == null || campaign.isBlank()) {
            return all.stream().findFirst();
        }
        String value = campaign.strip();
        for (Campaign c : all) {
            if (Long.toString(c.id().value()).equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.of(campaign(campaign));
    }

    private Campaign campaign(String idOrCode) {
        String value = idOrCode == null ? "" : idOrCode.strip();
        Optional<Campaign> found = value.matches("\\d{1,12}") && Long.parseLong(value) > 0
                ? campaigns.find(new CampaignId(Long.parseLong(value)))
                : campaigns.findByCode(value);
        return found.orElseThrow(() -> new CampaignNotFound(value));
    }

    private static Long amount(String text, String field, List<String> problems) {
        if (text.isBlank()) {
            return null;
        }
        var dong = LedgerPageController.dong(text);
        if (dong == null) {
            problems.add(field);
            return null;
        }
        return dong.dong();
    }

    private static LocalDate date(String text, String field, List<String> problems) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(field);
            return null;
        }
    }

    private static EntryKind kind(String text) {
        for (EntryKind k : EntryKind.values()) {
            if (k.name().equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        return null;
    }

    private static String queryString(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(k).append('=').append(UriUtils.encodeQueryParam(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }
}
