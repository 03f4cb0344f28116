package vn.chungtay.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.ledger.AllocationPosting;
import vn.chungtay.ledger.DeliveryPosting;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * The dashboard's ledger sums are kept per campaign and brought up to date with the entries after
 * the last one summed; at every step they equal a plain GROUP BY over all the campaign's entries
 * (reversals netted against the kind they undo), as the dashboard computed them before.
 */
@IntegrationTest
class CampaignDashboardSumsIntegrationTests {

    @Autowired
    LedgerReadings readings;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    Ledger ledger;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignDashboard dashboards;

    @Autowired
    vn.chungtay.need.NeedManagement needs;

    private static final String NET = """
            select coalesce(o.kind, e.kind) as kind, e.commune_code, e.village_code, e.category_code,
                   case when e.kind = 'REVERSAL' then -e.amount_dong else e.amount_dong end as amount,
                   case when e.kind = 'REVERSAL' then -e.children_count else e.children_count end as children
            from ledger_entry e left join ledger_entry o on o.id = e.reverses_id
            where e.campaign_id = :campaign""";

    private Map<String, Long> groupByTotals(long campaign) {
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.sql("select kind, sum(amount) from (" + NET + ") n group by kind")
                .param("campaign", campaign)
                .query(rs -> {
                    totals.put(rs.getString(1), Math.max(0, rs.getLong(2)));
                });
        return totals;
    }

    private Map<String, List<Long>> groupBy(long campaign, String column) {
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        jdbc.sql("select " + column + ", sum(case when kind = 'ALLOCATION' then amount else 0 end),"
                        + " sum(case when kind = 'DELIVERY' then amount else 0 end),"
                        + " sum(case when kind = 'DELIVERY' then children else 0 end)"
                        + " from (" + NET + ") n where " + column + " is not null"
                        + " and kind in ('ALLOCATION', 'DELIVERY') group by " + column)
                .param("campaign", campaign)
                .query(rs -> {
                    figures.put(
                            rs.getString(1),
                            List.of(
                                    Math.max(0, rs.getLong(2)),
                                    Math.max(0, rs.getLong(3)),
                                    Math.max(0, rs.getLong(4))));
                });
        return figures;
    }

    private Set<String> groupByVillages(long campaign) {
        return new HashSet<>(jdbc.sql("select village_code from (" + NET + ") n"
                        + " where kind = 'DELIVERY' and village_code is not null"
                        + " group by village_code having sum(amount) > 0 or sum(children) > 0")
                .param("campaign", campaign)
                .query(String.class)
                .list());
    }

    private static Map<String, List<Long>> asLists(Map<String, LedgerReadings.Figures> figures) {
        Map<String, List<Long>> lists = new LinkedHashMap<>();
        figures.forEach((k, f) ->
                lists.put(k, List.of(f.allocated().dong(), f.delivered().dong(), f.childTurns())));
        return lists;
    }

    private void assertSumsEqualTheGroupBy(long campaign) {
        LedgerReadings.Totals totals = readings.totals(campaign);
        Map<String, Long> expected = groupByTotals(campaign);
        assertThat(totals.received().dong()).isEqualTo(expected.getOrDefault("RECEIPT", 0L));
        assertThat(totals.allocated().dong()).isEqualTo(expected.getOrDefault("ALLOCATION", 0L));
        assertThat(totals.delivered().dong()).isEqualTo(expected.getOrDefault("DELIVERY", 0L));
        assertThat(asLists(readings.byCommune(campaign))).isEqualTo(groupBy(campaign, "commune_code"));
        assertThat(asLists(readings.byCategory(campaign))).isEqualTo(groupBy(campaign, "category_code"));
        assertThat(readings.villagesReached(campaign)).isEqualTo(groupByVillages(campaign));
    }

    @Test
    void keptSumsEqualAGroupByOverAllEntriesAfterEveryPosting() {
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            Campaign campaign = campaigns.create(new CampaignForm(
                    "Tổng hợp tăng dần " + UUID.randomUUID().toString().substring(0, 8),
                    "24640",
                    LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 12, 31),
                    50_000_000L,
                    2026,
                    List.of(),
                    List.of()));
            long id = campaign.id().value();
            List<OrgUnitView> villages = organisation.villages("24640", organisation.today());
            LocalDate day = LocalDate.of(2026, 11, 2);
            assertSumsEqualTheGroupBy(id);

            ledger.postReceipt(new ReceiptPosting(
                    campaign.id(), "24640", day, Vnd.of(9_000_000), null, 990_101L, "Ẩn danh", "ung ho", "sum-1"));
            assertSumsEqualTheGroupBy(id);

            LedgerEntry mistaken = ledger.postReceipt(new ReceiptPosting(
                    campaign.id(), "24640", day, Vnd.of(700_000), null, 990_102L, "Ẩn danh", "nham", "sum-2"));
            Destination warm = new Destination(null, "24640", villages.get(0).code(), "DO_AM");
            Destination school = new Destination(null, "24640", villages.get(1).code(), "HOC_TAP");
            ledger.allocate(new AllocationPosting(campaign.id(), "24640", warm, day, Vnd.of(3_000_000), null, "áo ấm"));
            assertSumsEqualTheGroupBy(id);

            ledger.reverse(mistaken.id(), "Ghi nhầm chiến dịch");
            LedgerEntry books = ledger.allocate(
                    new AllocationPosting(campaign.id(), "24640", school, day, Vnd.of(2_000_000), null, "sách vở"));
            ledger.deliver(new DeliveryPosting(campaign.id(), warm, day, Vnd.of(1_000_000), null, 12, "sum-d1"));
            assertSumsEqualTheGroupBy(id);

            LedgerEntry delivered = ledger.deliver(
                    new DeliveryPosting(campaign.id(), school, day, Vnd.of(2_000_000), null, 20, "sum-d2"));
            assertSumsEqualTheGroupBy(id);
            assertThat(readings.villagesReached(id)).contains(villages.get(1).code());

            ledger.reverse(delivered.id(), "Trao nhầm thôn");
            ledger.reverse(books.id(), "Phân bổ lại");
            assertSumsEqualTheGroupBy(id);
            assertThat(readings.villagesReached(id))
                    .doesNotContain(villages.get(1).code());
        });
    }

    @Test
    void keptNeedsAndVillagesOfTheDashboardFollowTheirChanges() {
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            Campaign campaign = campaigns.list("24640", 2026).stream()
                    .filter(c -> c.name().contains("17/10"))
                    .findFirst()
                    .orElseThrow();
            CampaignDashboard.Dashboard before = dashboards.dashboard(campaigns.details(campaign.id()));
            // a need published now is listed at once, not after the kept list expires
            vn.chungtay.need.NeedView need = needs.create(new vn.chungtay.need.NeedForm(
                    "COMMUNE",
                    null,
                    "24640",
                    null,
                    "SUC_KHOE",
                    "Khám sức khỏe cho trẻ em " + UUID.randomUUID().toString().substring(0, 8),
                    "2",
                    "lượt",
                    "150000",
                    "2026",
                    "Cả năm 2026",
                    null,
                    "MEDIUM",
                    "2",
                    true));
            needs.submit(need.id());
            needs.approve(need.id());
            needs.publish(need.id());
            CampaignDashboard.Dashboard after = dashboards.dashboard(campaigns.details(campaign.id()));
            assertThat(after.unmetNeeds()).anyMatch(n -> n.id() == need.id().value());
            assertThat(before.unmetNeeds()).noneMatch(n -> n.id() == need.id().value());

            // a new village is counted at once
            organisation.createVillage(
                    "24640",
                    new vn.chungtay.organisation.VillageForm(
                            "Thôn Mới " + UUID.randomUUID().toString().substring(0, 6), "Thôn", true));
            CampaignDashboard.Dashboard withVillage = dashboards.dashboard(campaigns.details(campaign.id()));
            assertThat(withVillage.villages()).isEqualTo(after.villages() + 1);
            assertThat(withVillage.notReached()).isEqualTo(after.notReached() + 1);
        });
    }
}
