package vn.chungtay.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.campaign.internal.YearlyCampaigns;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * Opens campaigns (by hand, or every year from a template), adjusts their targets and bank
 * accounts, and answers which campaigns a unit runs or takes part in.
 */
@Service
@Transactional(readOnly = true)
public class CampaignManagement {

    private static final Pattern CODE = Pattern.compile("(?i)^\\s*CT\\s*(\\d{1,12})\\s*$");

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;
    private final ProgrammeCatalogue programmes;
    private final NeedManagement needs;
    private final YearlyCampaigns yearly;

    CampaignManagement(
            JdbcClient jdbc,
            OrganisationManagement organisation,
            ApplicationEventPublisher events,
            ProgrammeCatalogue programmes,
            NeedManagement needs,
            YearlyCampaigns yearly) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.events = events;
        this.programmes = programmes;
        this.needs = needs;
        this.yearly = yearly;
    }

    /**
     * Opens a campaign for a unit within the caller's scope, linked to the programme whose period
     * holds its first receiving day.
     */
    @Transactional
    public Campaign create(CampaignForm form) {
        return create(form, null);
    }

    /** Opens a campaign linked to the named programme (or, when none is named, the one of its first day). */
    @Transactional
    public Campaign create(CampaignForm form, String programmeCode) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 300) {
            throw new InvalidCampaign("name", "campaign.error.name");
        }
        if (form.unitCode() == null || form.unitCode().isBlank()) {
            throw new InvalidCampaign("unitCode", "campaign.error.unit");
        }
        String unitCode = form.unitCode().strip();
        if (organisation.find(unitCode, organisation.today()).isEmpty()) {
            throw new InvalidCampaign("unitCode", "campaign.error.unit");
        }
        organisation.requireManageable(CurrentActor.orSystem(), unitCode);
        if (form.receivingFrom() == null || form.receivingTo() == null) {
            throw new InvalidCampaign("receivingFrom", "campaign.error.window");
        }
        if (form.receivingTo().isBefore(form.receivingFrom())) {
            throw new InvalidCampaign("receivingTo", "campaign.error.windowOrder");
        }
        long target = form.targetDong() == null ? 0 : form.targetDong();
        if (target < 0) {
            throw new InvalidCampaign("targetDong", "campaign.error.target");
        }
        String programme;
        if (programmeCode == null || programmeCode.isBlank()) {
            programme = programmes
                    .covering(form.receivingFrom())
                    .map(Programme::code)
                    .orElse(null);
        } else {
            programme = programmes
                    .find(programmeCode)
                    .map(Programme::code)
                    .orElseThrow(() -> new InvalidCampaign("programmeCode", "campaign.error.programme"));
        }
        java.util.Set<String> accountKeys = new java.util.HashSet<>();
        for (BankAccount account : form.accounts()) {
            checkAccount(account);
            if (!accountKeys.add(account.bankBin() + "/" + account.accountNumber())) {
                throw new InvalidCampaign("accountNumber", "campaign.error.accountTwice");
            }
        }
        long id = jdbc.sql("""
                        insert into campaign (name, unit_code, receiving_from, receiving_to, target_dong, plan_year,
                                              created_by, programme_code)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        name,
                        unitCode,
                        form.receivingFrom(),
                        form.receivingTo(),
                        target,
                        form.planYear(),
                        CurrentActor.orSystem().username(),
                        programme)
                .query(Long.class)
                .single();
        int position = 0;
        for (BankAccount account : form.accounts()) {
            jdbc.sql("""
                            insert into campaign_bank_account (campaign_id, position, bank_bin, bank_name, account_number, account_name)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            position++,
                            account.bankBin(),
                            account.bankName(),
                            account.accountNumber(),
                            account.accountName())
                    .update();
        }
        for (Long needId : form.needIds().stream().distinct().toList()) {
            jdbc.sql("insert into campaign_need (campaign_id, need_id) values (?, ?)")
                    .params(id, needId)
                    .update();
        }
        Campaign campaign = get(new CampaignId(id));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", campaign.name());
        after.put("unitCode", campaign.unitCode());
        after.put("receivingFrom", campaign.receivingFrom().toString());
        after.put("receivingTo", campaign.receivingTo().toString());
        after.put("targetDong", campaign.target().dong());
        after.put("accounts", campaign.accounts().size());
        if (programme != null) {
            after.put("programme", programme);
        }
        events.publishEvent(new CampaignCreated(campaign.id(), unitCode, after));
        return campaign;
    }

    /**
     * Opens the yearly templates' campaigns of a year for every organising unit that has none yet
     * (the start-up and nightly job, or an administrator); answers how many were opened.
     */
    @Transactional
    public int openYearly(int year) {
        Actor actor = CurrentActor.orSystem();
        if (!actor.has(Role.ADMIN) || !actor.isNational()) {
            throw new OutsideScope(actor.username() + " may not open the yearly campaigns");
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidCampaign("year", "campaign.error.year");
        }
        return yearly.open(year);
    }

    /** A campaign with its programme, template and targets. */
    public CampaignDetails details(CampaignId id) {
        Campaign campaign = get(id);
        var row = jdbc.sql("select programme_code, template_code, template_year from campaign where id = ?")
                .param(id.value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        List<CampaignTarget> targets = jdbc.sql("""
                        select category_code, child_turns, amount_dong from campaign_target
                        where campaign_id = ? order by category_code""")
                .param(id.value())
                .query((rs, n) -> new CampaignTarget(rs.getString(1), rs.getInt(2), Vnd.of(rs.getLong(3))))
                .list();
        return new CampaignDetails(
                campaign,
                programmes.find(row[0]),
                row[1],
                row[2] == null ? null : Integer.valueOf(row[2]),
                orderedLikeCategories(targets));
    }

    /** Whether the actor may change the campaign's targets and accounts. */
    public boolean canManage(Actor actor, Campaign campaign) {
        return actor.canManage() && organisation.covers(actor, campaign.unitCode());
    }

    /**
     * Replaces a campaign's targets: the money target and, per active support category, child-turns
     * and money (rows of zero are dropped). Fails naming the field when a number is negative or too
     * large, a category is unknown or named twice, or the categories' money exceeds the target.
     */
    @Transactional
    public CampaignDetails setTargets(CampaignId id, CampaignTargetsForm form) {
        CampaignDetails current = details(id);
        Campaign campaign = current.campaign();
        organisation.requireManageable(CurrentActor.orSystem(), campaign.unitCode());
        long target = form.targetDong() == null ? 0 : form.targetDong();
        if (target < 0) {
            throw new InvalidCampaign("targetDong", "campaign.error.target");
        }
        if (target > MAX_DONG) {
            throw new InvalidCampaign("targetDong", "campaign.error.tooLarge");
        }
        Map<String, SupportCategory> known = new LinkedHashMap<>();
        needs.categories().forEach(c -> known.put(c.code(), c));
        Map<String, CampaignTarget> targets = new LinkedHashMap<>();
        long categoriesMoney = 0;
        for (CampaignTargetsForm.Category category : form.categories()) {
            String code = category.categoryCode() == null
                    ? ""
                    : category.categoryCode().strip();
            if (!known.containsKey(code)) {
                throw new InvalidCampaign("categoryCode", "campaign.error.category", code);
            }
            if (targets.containsKey(code)) {
                throw new InvalidCampaign(
                        "turns." + code,
                        "campaign.error.categoryTwice",
                        known.get(code).nameVi());
            }
            int turns = category.childTurns() == null ? 0 : category.childTurns();
            if (turns < 0 || turns > MAX_TURNS) {
                throw new InvalidCampaign(
                        "turns." + code,
                        "campaign.error.childTurns",
                        known.get(code).nameVi());
            }
            long amount = category.amountDong() == null ? 0 : category.amountDong();
            if (amount < 0) {
                throw new InvalidCampaign(
                        "amount." + code,
                        "campaign.error.categoryAmount",
                        known.get(code).nameVi());
            }
            if (amount > MAX_DONG) {
                throw new InvalidCampaign("amount." + code, "campaign.error.tooLarge");
            }
            categoriesMoney += amount;
            targets.put(code, new CampaignTarget(code, turns, Vnd.of(amount)));
        }
        if (target > 0 && categoriesMoney > target) {
            throw new InvalidCampaign(
                    "targetDong",
                    "campaign.error.targetBelowCategories",
                    Vnd.of(categoriesMoney).formatted());
        }
        jdbc.sql("delete from campaign_target where campaign_id = ?")
                .param(id.value())
                .update();
        for (CampaignTarget t : targets.values()) {
            if (t.childTurns() == 0 && t.amount().isZero()) {
                continue;
            }
            jdbc.sql("""
                            insert into campaign_target (campaign_id, category_code, child_turns, amount_dong)
                            values (?, ?, ?, ?)""")
                    .params(
                            id.value(),
                            t.categoryCode(),
                            t.childTurns(),
                            t.amount().dong())
                    .update();
        }
        jdbc.sql("update campaign set target_dong = ?, updated_at = now() where id = ?")
                .params(target, id.value())
                .update();
        CampaignDetails changed = details(id);
        events.publishEvent(new CampaignTargetsChanged(id, campaign.unitCode(), describe(current), describe(changed)));
        return changed;
    }

    /** The names of an account as the page form limits them: a bank name and a holder name, not too long. */
    private static void checkAccount(BankAccount account) {
        if (account.accountName().isEmpty() || account.accountName().length() > 200) {
            throw new InvalidCampaign("accountName", "campaign.error.accountName");
        }
        if (account.bankName().isEmpty() || account.bankName().length() > 100) {
            throw new InvalidCampaign("bankName", "campaign.error.bankName");
        }
    }

    /** Adds a bank account donors pay into (after the existing ones). */
    @Transactional
    public Campaign addAccount(CampaignId id, BankAccount account) {
        Campaign campaign = get(id);
        organisation.requireManageable(CurrentActor.orSystem(), campaign.unitCode());
        checkAccount(account);
        if (campaign.accounts().stream()
                .anyMatch(a -> a.bankBin().equals(account.bankBin())
                        && a.accountNumber().equals(account.accountNumber()))) {
            throw new InvalidCampaign("accountNumber", "campaign.error.accountTwice");
        }
        jdbc.sql("""
                        insert into campaign_bank_account (campaign_id, position, bank_bin, bank_name, account_number, account_name)
                        values (?, (select coalesce(max(position) + 1, 0) from campaign_bank_account where campaign_id = ?),
                                ?, ?, ?, ?)""")
                .params(
                        id.value(),
                        id.value(),
                        account.bankBin(),
                        account.bankName(),
                        account.accountNumber(),
                        account.accountName())
                .update();
        jdbc.sql("update campaign set updated_at = now() where id = ?")
                .param(id.value())
                .update();
        events.publishEvent(new CampaignAccountAdded(id, campaign.unitCode(), account));
        return get(id);
    }

    /**
     * Campaigns a unit runs or takes part in during a year: its own and those of the units above
     * it, the closest unit first, newest first within a unit.
     */
    public List<Campaign> listTakingPart(String unitCode, int year) {
        List<String> codes = new ArrayList<>();
        codes.add(unitCode);
        LocalDate day = organisation.today();
        for (OrgUnitView ancestor : organisation.ancestors(unitCode, day)) {
            codes.add(ancestor.code());
        }
        return load(
                "where c.unit_code in (:codes) and extract(year from c.receiving_from) <= :year"
                        + " and extract(year from c.receiving_to) >= :year"
                        + " order by array_position(cast(:order as text[]), c.unit_code), c.receiving_from desc, c.id desc",
                Map.of("codes", codes, "year", year, "order", codes.toArray(String[]::new)));
    }

    private static final long MAX_DONG = 1_000_000_000_000_000L;
    private static final int MAX_TURNS = 10_000_000;

    private List<CampaignTarget> orderedLikeCategories(List<CampaignTarget> targets) {
        List<String> order =
                needs.categories().stream().map(SupportCategory::code).toList();
        return targets.stream()
                .sorted(java.util.Comparator.comparingInt(t -> {
                    int i = order.indexOf(t.categoryCode());
                    return i < 0 ? Integer.MAX_VALUE : i;
                }))
                .toList();
    }

    private static Map<String, Object> describe(CampaignDetails details) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("targetDong", details.campaign().target().dong());
        for (CampaignTarget t : details.targets()) {
            state.put(t.categoryCode(), t.childTurns() + " / " + t.amount().dong());
        }
        return state;
    }

    public Campaign get(CampaignId id) {
        return find(id).orElseThrow(() -> new CampaignNotFound(id.toString()));
    }

    public Optional<Campaign> find(CampaignId id) {
        return load("where c.id = ?", List.of(id.value())).stream().findFirst();
    }

    /** The campaigns with these ids that exist, in three queries whatever their number (no order). */
    public List<Campaign> findAll(java.util.Collection<CampaignId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load(
                "where c.id in (:ids)",
                Map.of("ids", ids.stream().map(CampaignId::value).distinct().toList()));
    }

    /** The campaign a payment code such as {@code CT1001} or {@code ct 1001} names. */
    public Optional<Campaign> findByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher matcher = CODE.matcher(code);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return find(new CampaignId(Long.parseLong(matcher.group(1))));
    }

    /** Campaigns organised by this unit, those receiving in the year when a year is given; newest first. */
    public List<Campaign> list(String unitCode, Integer year) {
        if (year == null) {
            return load("where c.unit_code = ? order by c.receiving_from desc, c.id desc", List.of(unitCode));
        }
        return load(
                "where c.unit_code = ? and extract(year from c.receiving_from) <= ? and extract(year from c.receiving_to) >= ?"
                        + " order by c.receiving_from desc, c.id desc",
                List.of(unitCode, year, year));
    }

    /** Campaigns of this unit and of the units above it that receive gifts on this day. */
    public List<Campaign> receivingFor(String unitCode, LocalDate day) {
        List<String> codes = new ArrayList<>();
        codes.add(unitCode);
        for (OrgUnitView ancestor : organisation.ancestors(unitCode, day)) {
            codes.add(ancestor.code());
        }
        return load(
                "where c.unit_code in (:codes) and c.receiving_from <= :day and c.receiving_to >= :day"
                        + " order by c.receiving_from desc, c.id desc",
                Map.of("codes", codes, "day", day));
    }

    /** The campaign a bank account number receives into on a day (for matching statements). */
    public List<Campaign> byAccount(String accountNumber) {
        return load(
                "where c.id in (select campaign_id from campaign_bank_account where account_number = ?)"
                        + " order by c.receiving_from desc",
                List.of(accountNumber));
    }

    private List<Campaign> load(String where, Object params) {
        var statement = jdbc.sql("select c.* from campaign c " + where);
        var bound = params instanceof Map<?, ?> named
                ? statement.params(castMap(named))
                : statement.params((List<?>) params);
        List<Campaign> campaigns = bound.query((rs, row) -> new Campaign(
                        new CampaignId(rs.getLong("id")),
                        Campaign.codeOf(new CampaignId(rs.getLong("id"))),
                        rs.getString("name"),
                        rs.getString("unit_code"),
                        rs.getObject("receiving_from", LocalDate.class),
                        rs.getObject("receiving_to", LocalDate.class),
                        Vnd.of(rs.getLong("target_dong")),
                        List.of(),
                        (Integer) rs.getObject("plan_year"),
                        List.of()))
                .list();
        if (campaigns.isEmpty()) {
            return campaigns;
        }
        List<Long> ids = campaigns.stream().map(c -> c.id().value()).toList();
        Map<Long, List<BankAccount>> accounts = new LinkedHashMap<>();
        jdbc.sql("select * from campaign_bank_account where campaign_id in (:ids) order by campaign_id, position")
                .param("ids", ids)
                .query(rs -> {
                    accounts.computeIfAbsent(rs.getLong("campaign_id"), k -> new ArrayList<>())
                            .add(new BankAccount(
                                    rs.getString("bank_bin"),
                                    rs.getString("bank_name"),
                                    rs.getString("account_number"),
                                    rs.getString("account_name")));
                });
        Map<Long, List<Long>> needs = new LinkedHashMap<>();
        jdbc.sql("select campaign_id, need_id from campaign_need where campaign_id in (:ids) order by need_id")
                .param("ids", ids)
                .query(rs -> {
                    needs.computeIfAbsent(rs.getLong("campaign_id"), k -> new ArrayList<>())
                            .add(rs.getLong("need_id"));
                });
        return campaigns.stream()
                .map(c -> new Campaign(
                        c.id(),
                        c.code(),
                        c.name(),
                        c.unitCode(),
                        c.receivingFrom(),
                        c.receivingTo(),
                        c.target(),
                        accounts.getOrDefault(c.id().value(), List.of()),
                        c.planYear(),
                        needs.getOrDefault(c.id().value(), List.of())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
