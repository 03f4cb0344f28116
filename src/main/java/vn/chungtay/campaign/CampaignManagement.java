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
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.CurrentActor;

/** Opens campaigns and answers which campaigns a unit runs or takes part in. */
@Service
@Transactional(readOnly = true)
public class CampaignManagement {

    private static final Pattern CODE = Pattern.compile("(?i)^\\s*CT\\s*(\\d{1,12})\\s*$");

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;

    CampaignManagement(JdbcClient jdbc, OrganisationManagement organisation, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.events = events;
    }

    /** Opens a campaign for a unit within the caller's scope. */
    @Transactional
    public Campaign create(CampaignForm form) {
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
        long id = jdbc.sql("""
                        insert into campaign (name, unit_code, receiving_from, receiving_to, target_dong, plan_year, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        name,
                        unitCode,
                        form.receivingFrom(),
                        form.receivingTo(),
                        target,
                        form.planYear(),
                        CurrentActor.orSystem().username())
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
        events.publishEvent(new CampaignCreated(campaign.id(), unitCode, after));
        return campaign;
    }

    public Campaign get(CampaignId id) {
        return find(id).orElseThrow(() -> new CampaignNotFound(id.toString()));
    }

    public Optional<Campaign> find(CampaignId id) {
        return load("where c.id = ?", List.of(id.value())).stream().findFirst();
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
