package vn.chungtay.campaign.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignDetails;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.campaign.CampaignNotFound;
import vn.chungtay.campaign.CampaignTarget;
import vn.chungtay.campaign.CampaignTargetsForm;
import vn.chungtay.campaign.InvalidCampaign;
import vn.chungtay.campaign.ProgrammeCatalogue;
import vn.chungtay.campaign.internal.CampaignDashboard;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * Officers' campaign pages: the campaigns a unit runs or takes part in during a year, a new
 * campaign, a campaign with its programme, bank accounts and targets, and its dashboard.
 */
@Controller
class CampaignPageController {

    private final CampaignManagement campaigns;
    private final ProgrammeCatalogue programmes;
    private final CampaignDashboard dashboards;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final MessageSource messages;
    private final JsonMapper json;

    CampaignPageController(
            CampaignManagement campaigns,
            ProgrammeCatalogue programmes,
            CampaignDashboard dashboards,
            NeedManagement needs,
            OrganisationManagement organisation,
            MessageSource messages,
            JsonMapper json) {
        this.campaigns = campaigns;
        this.programmes = programmes;
        this.dashboards = dashboards;
        this.needs = needs;
        this.organisation = organisation;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/campaigns")
    String list(
            @RequestParam(defaultValue = "") String unit, @RequestParam(required = false) Integer year, Model model) {
        Actor actor = officer();
        int wanted = year == null ? organisation.today().getYear() : year;
        String unitCode = unit.isBlank() ? (actor.scopeCode() == null ? "" : actor.scopeCode()) : unit.strip();
        LocalDate today = organisation.today();
        OrgUnitView shown =
                unitCode.isEmpty() ? null : organisation.find(unitCode, today).orElse(null);
        if (shown != null && !canSee(actor, shown.code())) {
            throw new OutsideScope(actor.username() + " may not see campaigns of " + unitCode);
        }
        List<Campaign> list = shown == null ? List.of() : campaigns.listTakingPart(shown.code(), wanted);
        Map<String, String> unitNames = new LinkedHashMap<>();
        organisation
                .findAll(list.stream().map(Campaign::unitCode).distinct().toList(), today)
                .forEach(u -> unitNames.put(u.code(), u.fullName()));
        model.addAttribute("unit", unitCode);
        model.addAttribute("unitName", shown == null ? null : shown.fullName());
        model.addAttribute("unitUnknown", !unitCode.isEmpty() && shown == null);
        model.addAttribute("year", wanted);
        model.addAttribute("campaigns", list);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("canCreate", actor.canManage());
        return "campaign/list";
    }

    @GetMapping("/campaigns/new")
    String form(Model model) {
        Actor actor = manager();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("unitCode", actor.scopeCode() == null ? "" : actor.scopeCode());
        return showForm(values, Map.of(), model);
    }

    @PostMapping("/campaigns")
    String create(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
        manager();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(params, "receivingFrom", errors, locale);
        LocalDate to = date(params, "receivingTo", errors, locale);
        Long target = number(params, "targetDong", errors, locale);
        List<BankAccount> accounts = new ArrayList<>();
        if (!params.getOrDefault("accountNumber", "").isBlank()) {
            try {
                accounts.add(account(params));
            } catch (IllegalArgumentException e) {
                errors.put("accountNumber", message("campaign.error.value", locale));
            }
        }
        if (errors.isEmpty()) {
            try {
                Campaign campaign = campaigns.create(
                        new CampaignForm(
                                params.get("name"),
                                params.get("unitCode"),
                                from,
                                to,
                                target,
                                from == null ? null : from.getYear(),
                                accounts,
                                List.of()),
                        params.get("programmeCode"));
                redirect.addFlashAttribute("flashSuccess", message("campaign.created", locale, campaign.name()));
                return "redirect:/campaigns/" + campaign.id();
            } catch (InvalidCampaign e) {
                errors.put(e.field(), messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            }
        }
        return showForm(params, errors, model);
    }

    @GetMapping("/campaigns/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor actor = officer();
        CampaignDetails details = visible(actor, id);
        return showDetail(details, actor, Map.of(), Map.of(), model);
    }

    @PostMapping("/campaigns/{id}/targets")
    String targets(
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Actor actor = manager();
        CampaignDetails details = visible(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Long target = number(params, "targetDong", errors, locale);
        List<CampaignTargetsForm.Category> categories = new ArrayList<>();
        for (SupportCategory category : needs.categories()) {
            Long turns = number(params, "turns." + category.code(), errors, locale);
            Long amount = number(params, "amount." + category.code(), errors, locale);
            if (turns != null && turns > Integer.MAX_VALUE) {
                errors.put("turns." + category.code(), message("campaign.error.childTurns", locale, category.nameVi()));
                continue;
            }
            categories.add(
                    new CampaignTargetsForm.Category(category.code(), turns == null ? null : turns.intValue(), amount));
        }
        if (errors.isEmpty()) {
            try {
                campaigns.setTargets(details.campaign().id(), new CampaignTargetsForm(target, categories));
                redirect.addFlashAttribute("flashSuccess", message("campaign.targets.saved", locale));
                return "redirect:/campaigns/" + id;
            } catch (InvalidCampaign e) {
                errors.put(e.field(), messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            }
        }
        return showDetail(details, actor, params, errors, model);
    }

    @PostMapping("/campaigns/{id}/accounts")
    String addAccount(
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Actor actor = manager();
        CampaignDetails details = visible(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            campaigns.addAccount(details.campaign().id(), account(params));
            redirect.addFlashAttribute("flashSuccess", message("campaign.account.added", locale));
            return "redirect:/campaigns/" + id;
        } catch (InvalidCampaign e) {
            errors.put(e.field(), messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        } catch (IllegalArgumentException e) {
            errors.put("accountNumber", message("campaign.error.value", locale));
        }
        return showDetail(details, actor, params, errors, model);
    }

    @GetMapping("/campaigns/{id}/dashboard")
    String dashboard(@PathVariable long id, Model model, Locale locale) {
        Actor actor = officer();
        CampaignDetails details = visible(actor, id);
        CampaignDashboard.Dashboard dashboard = dashboards.dashboard(details);
        model.addAttribute("details", details);
        model.addAttribute("campaign", details.campaign());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("progress", dashboard.progress());
        model.addAttribute("categoryNames", categoryNames(locale));
        model.addAttribute("chartData", json.writeValueAsString(chartData(dashboard, locale)));
        return "campaign/dashboard";
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Map<String, Object> chartData(CampaignDashboard.Dashboard dashboard, Locale locale) {
        var progress = dashboard.progress();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "money",
                Map.of(
                        "labels",
                        List.of(
                                message("campaign.dashboard.target", locale),
                                message("campaign.dashboard.received", locale),
                                message("campaign.dashboard.allocated", locale),
                                message("campaign.dashboard.delivered", locale)),
                        "values",
                        List.of(
                                progress.target().dong(),
                                progress.received().dong(),
                                progress.allocated().dong(),
                                progress.delivered().dong())));
        data.put(
                "communes",
                Map.of(
                        "labels",
                        dashboard.communes().stream()
                                .map(CampaignDashboard.CommuneRow::name)
                                .toList(),
                        "allocated",
                        dashboard.communes().stream()
                                .map(c -> c.allocated().dong())
                                .toList(),
                        "delivered",
                        dashboard.communes().stream()
                                .map(c -> c.delivered().dong())
                                .toList(),
                        "allocatedLabel",
                        message("campaign.dashboard.allocated", locale),
                        "deliveredLabel",
                        message("campaign.dashboard.delivered", locale)));
        data.put(
                "categories",
                Map.of(
                        "labels",
                        progress.categories().stream()
                                .map(c -> c.category().name(locale))
                                .toList(),
                        "target",
                        progress.categories().stream()
                                .map(CampaignDashboard.CategoryRow::targetTurns)
                                .toList(),
                        "delivered",
                        progress.categories().stream()
                                .map(CampaignDashboard.CategoryRow::childTurns)
                                .toList(),
                        "targetLabel",
                        message("campaign.dashboard.turnsTarget", locale),
                        "deliveredLabel",
                        message("campaign.dashboard.turnsDelivered", locale)));
        return data;
    }

    private String showForm(Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("programmes", programmes.programmes());
        return "campaign/form";
    }

    private String showDetail(
            CampaignDetails details, Actor actor, Map<String, String> values, Map<String, String> errors, Model model) {
        Campaign campaign = details.campaign();
        Map<String, CampaignTarget> targets = new LinkedHashMap<>();
        details.targets().forEach(t -> targets.put(t.categoryCode(), t));
        model.addAttribute("details", details);
        model.addAttribute("campaign", campaign);
        model.addAttribute(
                "unitName",
                organisation
                        .find(campaign.unitCode(), organisation.today())
                        .map(OrgUnitView::fullName)
                        .orElse(campaign.unitCode()));
        model.addAttribute("categories", needs.categories());
        model.addAttribute("targets", targets);
        model.addAttribute("canManage", campaigns.canManage(actor, campaign));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "campaign/detail";
    }

    private Map<String, String> categoryNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        needs.categories().forEach(c -> names.put(c.code(), c.name(locale)));
        return names;
    }

    private CampaignDetails visible(Actor actor, long id) {
        if (id <= 0) {
            throw new CampaignNotFound(Long.toString(id));
        }
        CampaignDetails details = campaigns.details(new CampaignId(id));
        if (!canSee(actor, details.campaign().unitCode())) {
            throw new OutsideScope(actor.username() + " may not see campaign " + id);
        }
        return details;
    }

    /** Officers see campaigns of their scope and of the units above it (which their unit takes part in). */
    private boolean canSee(Actor actor, String unitCode) {
        return actor.isNational()
                || organisation.covers(actor, unitCode)
                || organisation.isWithin(actor.scopeCode(), unitCode, organisation.today());
    }

    private static Actor officer() {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not see officers' campaign pages");
        }
        return actor;
    }

    private static Actor manager() {
        Actor actor = officer();
        if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not change campaigns");
        }
        return actor;
    }

    private static BankAccount account(Map<String, String> params) {
        return new BankAccount(
                params.getOrDefault("bankBin", "").strip(),
                params.getOrDefault("bankName", ""),
                params.getOrDefault("accountNumber", "").replaceAll("[\\s.]", ""),
                params.getOrDefault("accountName", ""));
    }

    private LocalDate date(Map<String, String> params, String field, Map<String, String> errors, Locale locale) {
        String value = params.getOrDefault(field, "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(field, message("campaign.error.date", locale));
            return null;
        }
    }

    /** A whole number as typed, with dots, commas or spaces grouping the digits; null when empty. */
    private Long number(Map<String, String> params, String field, Map<String, String> errors, Locale locale) {
        String value = params.getOrDefault(field, "").replaceAll("[\\s.,₫]", "");
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("-?\\d{1,18}")) {
            errors.put(field, message("campaign.error.number", locale));
            return null;
        }
        return Long.parseLong(value);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
