package vn.chungtay.need;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.text.VietnameseText;

/**
 * The read model of the public portal: published needs grouped by province, commune and village,
 * and what a commune's approved plan asks for and has received. Anonymous by construction: no
 * child data but the consented anonymous mention, and figures about fewer than
 * {@code chungtay.public.min-count} children in a village are given at commune level.
 */
@Service
@Transactional(readOnly = true)
public class PublicNeeds {

    private static final String PUBLIC_STATUSES = "('PUBLISHED', 'PARTLY_FUNDED', 'FUNDED', 'DELIVERED')";
    private static final String OPEN_STATUSES = "('PUBLISHED', 'PARTLY_FUNDED')";

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final NeedManagement needs;
    private final int minCount;

    PublicNeeds(
            JdbcClient jdbc,
            OrganisationManagement organisation,
            NeedManagement needs,
            @Value("${chungtay.public.min-count:3}") int minCount) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.needs = needs;
        this.minCount = Math.max(1, minCount);
    }

    /** The smallest number of children a figure about a village may concern. */
    public int minCount() {
        return minCount;
    }

    /** Published needs ordered by province, commune, village (commune-level first), priority. */
    public Page<PublicNeed> published(PublicNeedQuery query, int page, int size) {
        int pageSize = Math.min(Math.max(size, 1), 100);
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        // the category's name is only searched: without a text the count reads the status index alone
        boolean searching = !VietnameseText.fold(query.text()).isEmpty();
        long total = jdbc.sql("select count(*) from need n"
                        + (searching ? " join support_category c on c.code = n.category_code" : "")
                        + where)
                .params(params)
                .query(Long.class)
                .single();
        String sql = """
                select n.id, n.category_code, c.name_vi, c.name_en, n.description, n.quantity, n.unit,
                       n.total_dong, n.funded_dong, n.children_served, n.target, n.child_id,
                       n.child_details_withdrawn, n.unit_code, n.commune_code, n.province_code, n.school_name,
                       n.year, n.season, n.needed_by, n.status, %1$s as detailed
                from need n join support_category c on c.code = n.category_code
                """.formatted(detailed())
                + where
                + " order by n.province_code, n.commune_code,"
                + " case when " + detailed() + " and n.unit_code <> n.commune_code then n.unit_code else '' end,"
                + " case n.priority when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, n.id"
                + " limit :limit offset :offset";
        Names names = new Names(organisation.today());
        List<PublicNeed> items = jdbc
                .sql(sql)
                .params(params)
                .param("limit", pageSize)
                .param("offset", Page.offset(page, pageSize))
                .query((rs, n) -> {
                    boolean detailed = rs.getBoolean("detailed");
                    String unitCode = rs.getString("unit_code");
                    String communeCode = rs.getString("commune_code");
                    String provinceCode = rs.getString("province_code");
                    boolean atVillage = detailed && !unitCode.equals(communeCode);
                    Long childId = rs.getObject("child_id", Long.class);
                    return new Row(
                            new PublicNeed(
                                    rs.getLong("id"),
                                    rs.getString("category_code"),
                                    rs.getString("name_vi"),
                                    rs.getString("name_en"),
                                    rs.getString("description"),
                                    rs.getInt("quantity"),
                                    rs.getString("unit"),
                                    new Vnd(rs.getLong("total_dong")),
                                    new Vnd(rs.getLong("funded_dong")),
                                    rs.getInt("children_served"),
                                    provinceCode,
                                    null,
                                    communeCode,
                                    null,
                                    atVillage ? unitCode : null,
                                    null,
                                    detailed ? rs.getString("school_name") : null,
                                    rs.getInt("year"),
                                    rs.getString("season"),
                                    rs.getObject("needed_by", LocalDate.class),
                                    NeedStatus.valueOf(rs.getString("status")),
                                    null),
                            "CHILD".equals(rs.getString("target")) && !rs.getBoolean("child_details_withdrawn")
                                    ? childId
                                    : null);
                })
                .list()
                .stream()
                .map(row -> named(row, names))
                .toList();
        return new Page<>(items, Math.max(page, 0), pageSize, total);
    }

    /** A commune's public page: its approved plan and what its published needs received. */
    public PublicCommune commune(String communeCode) {
        LocalDate today = organisation.today();
        OrgUnitView commune = organisation.get(communeCode, today);
        if (!commune.isCommune()) {
            throw new NeedNotFound("commune " + communeCode);
        }
        Names names = new Names(today);
        String provinceCode = organisation.ancestors(commune.code(), today).stream()
                .filter(u -> u.level() == 1)
                .map(OrgUnitView::code)
                .findFirst()
                .orElse(commune.parentCode());
        record Approved(long id, int year, java.time.OffsetDateTime decidedAt) {}
        Optional<PlanView> plan = jdbc.sql("""
                        select id, year, decided_at from need_plan
                        where commune_code = :commune and status = 'APPROVED'
                        order by (year = :year) desc, year desc limit 1""")
                .param("commune", commune.code())
                .param("year", today.getYear())
                .query((rs, n) ->
                        new Approved(rs.getLong(1), rs.getInt(2), rs.getObject(3, java.time.OffsetDateTime.class)))
                .optional()
                .map(a -> new PlanView(
                        new PlanId(a.id()),
                        commune.code(),
                        commune.fullName(),
                        provinceCode,
                        a.year(),
                        PlanStatus.APPROVED,
                        null,
                        null,
                        null,
                        null,
                        a.decidedAt() == null ? null : a.decidedAt().toInstant(),
                        planTotals(commune.code(), a.year())));
        record Sums(int published, int funded, int delivered, long total, long received) {}
        Sums sums = jdbc.sql("select count(*), count(*) filter (where status in ('FUNDED', 'DELIVERED')),"
                        + " count(*) filter (where status = 'DELIVERED'), coalesce(sum(total_dong), 0),"
                        + " coalesce(sum(funded_dong), 0) from need where commune_code = :commune and status in "
                        + PUBLIC_STATUSES)
                .param("commune", commune.code())
                .query((rs, n) -> new Sums(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
                .single();
        return new PublicCommune(
                commune.code(),
                commune.fullName(),
                provinceCode,
                names.of(provinceCode),
                plan,
                sums.published(),
                sums.funded(),
                sums.delivered(),
                new Vnd(sums.total()),
                new Vnd(sums.received()));
    }

    /** Communes that have published needs, for links from the public list. */
    public List<String> communesWithPublishedNeeds() {
        return jdbc.sql("select distinct commune_code from need where status in " + PUBLIC_STATUSES
                        + " order by commune_code")
                .query(String.class)
                .list();
    }

    private List<PlanView.CategoryTotal> planTotals(String communeCode, int year) {
        return PlanManagement.totals(jdbc, communeCode, year);
    }

    /** A need may be placed in its village (and name its school) only when it concerns enough children. */
    private String detailed() {
        return "(n.target in ('VILLAGE', 'SCHOOL') and n.children_served >= " + minCount + ")";
    }

    private String where(PublicNeedQuery query, Map<String, Object> params) {
        StringBuilder where =
                new StringBuilder(" where n.status in ").append(query.openOnly() ? OPEN_STATUSES : PUBLIC_STATUSES);
        if (notBlank(query.provinceCode())) {
            where.append(" and n.province_code = :province");
            params.put("province", query.provinceCode().trim());
        }
        if (notBlank(query.communeCode())) {
            where.append(" and n.commune_code = :commune");
            params.put("commune", query.communeCode().trim());
        }
        if (notBlank(query.categoryCode())) {
            where.append(" and n.category_code = :category");
            params.put("category", query.categoryCode().trim());
        }
        String folded = VietnameseText.fold(query.text());
        if (!folded.isEmpty()) {
            // only what the public sees is searched: a village hidden by the small-count rule is not
            String searchable = "(c.name_folded || ' ' || n.description_folded || ' ' || n.commune_folded || ' '"
                    + " || n.season_folded || case when " + detailed()
                    + " then ' ' || n.village_folded || ' ' || n.school_folded else '' end)";
            String[] words = folded.split(" ");
            for (int i = 0; i < words.length && i < 8; i++) {
                where.append(" and ").append(searchable).append(" like :w").append(i);
                params.put("w" + i, "%" + words[i] + "%");
            }
        }
        return where.toString();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private record Row(PublicNeed need, Long childId) {}

    private PublicNeed named(Row row, Names names) {
        PublicNeed n = row.need();
        ChildMention child = null;
        if (row.childId() != null) {
            child = needs.mentionOf(row.childId()).orElse(null);
        }
        return new PublicNeed(
                n.id(),
                n.categoryCode(),
                n.categoryNameVi(),
                n.categoryNameEn(),
                n.description(),
                n.quantity(),
                n.unit(),
                n.total(),
                n.funded(),
                n.childrenServed(),
                n.provinceCode(),
                names.of(n.provinceCode()),
                n.communeCode(),
                names.of(n.communeCode()),
                n.villageCode(),
                n.villageCode() == null ? null : names.of(n.villageCode()),
                n.schoolName(),
                n.year(),
                n.season(),
                n.neededBy(),
                n.status(),
                child);
    }

    /** Unit names on a date, each looked up once per request. */
    private final class Names {
        private final LocalDate date;
        private final Map<String, String> cache = new HashMap<>();

        Names(LocalDate date) {
            this.date = date;
        }

        String of(String code) {
            return cache.computeIfAbsent(
                    code,
                    c -> organisation
                            .find(c, date)
                            .or(() -> organisation.versions(c).stream().reduce((a, b) -> b))
                            .map(OrgUnitView::fullName)
                            .orElse(c));
        }
    }
}
