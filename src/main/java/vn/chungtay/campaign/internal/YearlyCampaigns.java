package vn.chungtay.campaign.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.campaign.ProgrammeCatalogue;
import vn.chungtay.campaign.YearlyCampaignsOpened;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * Opens the campaigns of the yearly templates (the 17 October campaign month) for every organising
 * unit valid on the window's first day (or today, if that is still ahead): one campaign per
 * template, unit and year, with the template's default targets. Safe with several app instances
 * running it at once: the database holds one row per (template, unit, year) and the insert skips
 * rows another transaction already wrote ({@code on conflict do nothing}); units are inserted in
 * code order so two runs wait on each other instead of deadlocking.
 *
 * <p>Runs in the caller's transaction ({@code CampaignManagement.openYearly}).
 */
@Component
public class YearlyCampaigns {

    private static final Logger log = LoggerFactory.getLogger(YearlyCampaigns.class);

    /** A template as stored. */
    record Template(String code, String namePattern, int firstMonth, int firstDay, int lastMonth, int lastDay) {

        LocalDate firstDayOf(int year) {
            return LocalDate.of(
                    year,
                    firstMonth,
                    Math.min(firstDay, java.time.YearMonth.of(year, firstMonth).lengthOfMonth()));
        }

        LocalDate lastDayOf(int year) {
            int lastYear = lastMonth * 100 + lastDay < firstMonth * 100 + firstDay ? year + 1 : year;
            return LocalDate.of(
                    lastYear,
                    lastMonth,
                    Math.min(
                            lastDay, java.time.YearMonth.of(lastYear, lastMonth).lengthOfMonth()));
        }

        String nameFor(int year, OrgUnitView unit) {
            return namePattern.replace("{year}", Integer.toString(year)).replace("{unit}", unit.fullName());
        }
    }

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final NeedManagement needs;
    private final ProgrammeCatalogue programmes;
    private final ApplicationEventPublisher events;

    YearlyCampaigns(
            JdbcClient jdbc,
            OrganisationManagement organisation,
            NeedManagement needs,
            ProgrammeCatalogue programmes,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.needs = needs;
        this.programmes = programmes;
        this.events = events;
    }

    /** Opens every active template's campaigns for the year; answers how many were opened now. */
    public int open(int year) {
        List<Template> templates = jdbc.sql("""
                        select code, name_pattern, first_month, first_day, last_month, last_day from campaign_template
                        where active and from_year <= :year and (to_year is null or to_year >= :year) order by code""")
                .param("year", year)
                .query((rs, n) -> new Template(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
        int opened = 0;
        for (Template template : templates) {
            opened += open(template, year);
        }
        return opened;
    }

    private int open(Template template, int year) {
        LocalDate from = template.firstDayOf(year);
        LocalDate to = template.lastDayOf(year);
        LocalDate today = organisation.today();
        LocalDate unitsOn = from.isAfter(today) ? today : from;
        String programme = programmes.covering(from).map(p -> p.code()).orElse(null);
        Set<String> categories =
                needs.categories().stream().map(SupportCategory::code).collect(Collectors.toSet());
        Map<String, Long> levels = new LinkedHashMap<>();
        jdbc.sql("select level, target_dong from campaign_template_level where template_code = ? order by level desc")
                .param(template.code())
                .query(rs -> {
                    levels.put(rs.getString(1), rs.getLong(2));
                });
        int opened = 0;
        for (Map.Entry<String, Long> level : levels.entrySet()) {
            List<OrgUnitView> units = units(level.getKey(), unitsOn);
            if (units.isEmpty()) {
                continue;
            }
            String[] codes = units.stream().map(OrgUnitView::code).toArray(String[]::new);
            String[] names = units.stream().map(u -> template.nameFor(year, u)).toArray(String[]::new);
            List<Long> ids = jdbc.sql("""
                            insert into campaign (name, unit_code, receiving_from, receiving_to, target_dong, created_by,
                                                  programme_code, template_code, template_year)
                            select u.name, u.code, ?, ?, ?, 'system', ?, ?, ?
                            from unnest(?::text[], ?::text[]) as u(code, name)
                            order by u.code
                            on conflict (template_code, unit_code, template_year) do nothing
                            returning id""")
                    .params(from, to, level.getValue(), programme, template.code(), year, codes, names)
                    .query(Long.class)
                    .list();
            if (!ids.isEmpty()) {
                jdbc.sql("""
                                insert into campaign_target (campaign_id, category_code, child_turns, amount_dong)
                                select c.id, t.category_code, t.child_turns, t.amount_dong
                                from unnest(?::bigint[]) as c(id)
                                cross join campaign_template_target t
                                where t.template_code = ? and t.level = ? and t.category_code = any(?::text[])""")
                        .params(
                                ids.toArray(Long[]::new),
                                template.code(),
                                level.getKey(),
                                categories.toArray(String[]::new))
                        .update();
            }
            opened += ids.size();
        }
        if (opened > 0) {
            events.publishEvent(new YearlyCampaignsOpened(template.code(), year, opened, List.copyOf(levels.keySet())));
            log.info("Opened {} campaigns of {} for {}", opened, template.code(), year);
        }
        return opened;
    }

    /**
     * The units of a level valid on the day, in code order. Communes are found by walking down from
     * the provinces through districts (before the reform) and stopping at communes, so the tens of
     * thousands of villages below them are never read (this runs at every start).
     */
    private List<OrgUnitView> units(String level, LocalDate day) {
        List<OrgUnitView> provinces = organisation.provinces(day);
        if ("PROVINCE".equals(level)) {
            return provinces.stream()
                    .sorted(Comparator.comparing(OrgUnitView::code))
                    .toList();
        }
        List<OrgUnitView> communes = new ArrayList<>();
        java.util.Deque<OrgUnitView> above = new java.util.ArrayDeque<>(provinces);
        while (!above.isEmpty()) {
            for (OrgUnitView child : organisation.children(above.pop().code(), day)) {
                if (child.isCommune()) {
                    communes.add(child);
                } else if (!child.isVillage()) {
                    above.push(child);
                }
            }
        }
        return communes.stream().sorted(Comparator.comparing(OrgUnitView::code)).toList();
    }
}
