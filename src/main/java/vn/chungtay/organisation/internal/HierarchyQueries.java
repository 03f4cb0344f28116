package vn.chungtay.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.Succession;
import vn.chungtay.shared.paging.Page;

/** Read queries over the hierarchy, each answered for one date. */
@Component
public class HierarchyQueries {

    static final String COLUMNS =
            "u.id, u.code, u.name, u.full_name, u.unit_type, u.level, u.parent_code, u.valid_from, u.valid_to";
    static final String VALID_ON =
            "(u.valid_from is null or u.valid_from <= :date) and (u.valid_to is null or u.valid_to >= :date)";
    static final String BY_NAME = "u.name collate \"vi-x-icu\", u.code";

    /** A successor version and whether only part of the predecessor went to it. */
    public record Link(OrgUnitView unit, boolean partial) {}

    private final JdbcClient jdbc;

    HierarchyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrgUnitView> find(String code, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from org_unit u where u.code = :code and " + VALID_ON)
                .param("code", code)
                .param("date", date)
                .query(HierarchyQueries::view)
                .optional();
    }

    /** The units with these codes on the date, in one query. */
    public List<OrgUnitView> findAll(java.util.Collection<String> codes, LocalDate date) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from org_unit u where u.code = any(:codes) and " + VALID_ON)
                .param("codes", codes.toArray(String[]::new))
                .param("date", date)
                .query(HierarchyQueries::view)
                .list();
    }

    public List<OrgUnitView> versions(String code) {
        return jdbc.sql("select " + COLUMNS + " from org_unit u where u.code = :code order by u.valid_from nulls first")
                .param("code", code)
                .query(HierarchyQueries::view)
                .list();
    }

    public List<OrgUnitView> roots(LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from org_unit u where u.level = 1 and " + VALID_ON + " order by u.code")
                .param("date", date)
                .query(HierarchyQueries::view)
                .list();
    }

    public List<OrgUnitView> children(String code, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from org_unit u where u.parent_code = :code and " + VALID_ON
                        + " order by " + BY_NAME)
                .param("code", code)
                .param("date", date)
                .query(HierarchyQueries::view)
                .list();
    }

    /** Children that have ended too (for a commune's village list): every version whose parent is the code. */
    public List<OrgUnitView> childrenEver(String code, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from org_unit u where u.parent_code = :code"
                        + " and (u.valid_from is null or u.valid_from <= :date) order by u.valid_to nulls first, "
                        + BY_NAME)
                .param("code", code)
                .param("date", date)
                .query(HierarchyQueries::view)
                .list();
    }

    /** The unit and everything under it on the date, parents before children. */
    public List<OrgUnitView> subtree(String code, LocalDate date) {
        return jdbc.sql("""
                        with recursive tree as (
                            select %1$s, 0 as depth from org_unit u where u.code = :code and %2$s
                            union all
                            select %1$s, t.depth + 1 from org_unit u join tree t on u.parent_code = t.code
                            where %2$s
                        )
                        select * from tree u order by depth, u.code""".formatted(COLUMNS, VALID_ON))
                .param("code", code)
                .param("date", date)
                .query(HierarchyQueries::view)
                .list();
    }

    /** The unit's parent, grandparent, ... up to the province, on the date (nearest first). */
    public List<OrgUnitView> ancestors(String code, LocalDate date) {
        return jdbc.sql("""
                        with recursive up as (
                            select %1$s, 0 as depth from org_unit u where u.code = :code and %2$s
                            union all
                            select %1$s, p.depth + 1 from org_unit u join up p on u.code = p.parent_code
                            where %2$s
                        )
                        select * from up u where depth > 0 order by depth""".formatted(COLUMNS, VALID_ON))
                .param("code", code)
                .param("date", date)
                .query(HierarchyQueries::view)
                .list();
    }

    /** Whether {@code code} is {@code ancestorCode} or lies under it on the date. */
    public boolean isWithin(String code, String ancestorCode, LocalDate date) {
        if (code.equals(ancestorCode)) {
            return find(code, date).isPresent();
        }
        return ancestors(code, date).stream().anyMatch(a -> a.code().equals(ancestorCode));
    }

    public List<Succession> predecessors(long unitId) {
        return jdbc.sql("""
                        select p.code, p.name, p.full_name, p.valid_to, s.partial
                        from org_unit_succession s join org_unit p on p.id = s.predecessor_id
                        where s.successor_id = :id order by p.code""")
                .param("id", unitId)
                .query((rs, n) -> new Succession(
                        rs.getString("code"),
                        rs.getString("full_name"),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getBoolean("partial")))
                .list();
    }

    public List<Link> successorLinks(long unitId) {
        return jdbc.sql("select " + COLUMNS + ", s.partial from org_unit_succession s"
                        + " join org_unit u on u.id = s.successor_id where s.predecessor_id = :id order by u.code")
                .param("id", unitId)
                .query((rs, n) -> new Link(view(rs, n), rs.getBoolean("partial")))
                .list();
    }

    /** {@link #successorLinks} of many units in one query, by predecessor id (each list in code order). */
    public java.util.Map<Long, List<Link>> successorLinks(java.util.Collection<Long> unitIds) {
        java.util.Map<Long, List<Link>> links = new java.util.HashMap<>();
        if (unitIds.isEmpty()) {
            return links;
        }
        jdbc.sql("select s.predecessor_id, " + COLUMNS + ", s.partial from org_unit_succession s"
                        + " join org_unit u on u.id = s.successor_id where s.predecessor_id = any(:ids)"
                        + " order by s.predecessor_id, u.code")
                .param("ids", unitIds.toArray(Long[]::new))
                .query(rs -> {
                    links.computeIfAbsent(rs.getLong("predecessor_id"), id -> new java.util.ArrayList<>())
                            .add(new Link(view(rs, 0), rs.getBoolean("partial")));
                });
        return links;
    }

    /**
     * The units many units were formed from (the predecessors of their succession links, each the
     * version that ended into the link), by successor id, each list in code order; one query.
     */
    public java.util.Map<Long, List<OrgUnitView>> predecessorUnits(java.util.Collection<Long> unitIds) {
        java.util.Map<Long, List<OrgUnitView>> found = new java.util.HashMap<>();
        if (unitIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select s.successor_id, " + COLUMNS + " from org_unit_succession s"
                        + " join org_unit u on u.id = s.predecessor_id where s.successor_id = any(:ids)"
                        + " order by s.successor_id, u.code")
                .param("ids", unitIds.toArray(Long[]::new))
                .query(rs -> {
                    found.computeIfAbsent(rs.getLong("successor_id"), id -> new java.util.ArrayList<>())
                            .add(view(rs, 0));
                });
        return found;
    }

    /** The next version of the same code, starting the day after this one ended. */
    public Optional<OrgUnitView> nextVersion(OrgUnitView unit) {
        if (unit.validTo() == null) {
            return Optional.empty();
        }
        return find(unit.code(), unit.validTo().plusDays(1));
    }

    /** Units valid on the date whose folded full name contains the folded query, or whose code is the query. */
    public Page<OrgUnitView> search(String folded, String raw, LocalDate date, int page, int size) {
        String where = " from org_unit u where " + VALID_ON + " and (u.name_folded like :pattern or u.code = :raw)";
        long total = jdbc.sql("select count(*)" + where)
                .param("date", date)
                .param("pattern", "%" + escapeLike(folded) + "%")
                .param("raw", raw)
                .query(Long.class)
                .single();
        List<OrgUnitView> items = jdbc.sql("select " + COLUMNS + where
                        + " order by (u.code = :raw) desc, (u.name_folded = :folded) desc,"
                        + " (u.name_folded like :prefix) desc, u.level, " + BY_NAME + " limit :limit offset :offset")
                .param("date", date)
                .param("pattern", "%" + escapeLike(folded) + "%")
                .param("prefix", escapeLike(folded) + "%")
                .param("folded", folded)
                .param("raw", raw)
                .param("limit", size)
                .param("offset", Page.offset(page, size))
                .query(HierarchyQueries::view)
                .list();
        return new Page<>(items, Math.max(0, page), size, total);
    }

    /** Whether the unit is classed "đặc biệt khó khăn" in the period that covers the date. */
    public boolean isEspeciallyDifficult(long unitId, LocalDate date) {
        return jdbc.sql("""
                        select c.value from org_unit_classification c
                        join org_classification_period p on p.id = c.period_id
                        where c.unit_id = :id and c.kind = 'ESPECIALLY_DIFFICULT'
                          and p.valid_from <= :date and p.valid_to >= :date""")
                .param("id", unitId)
                .param("date", date)
                .query(String.class)
                .optional()
                .map(Boolean::parseBoolean)
                .orElse(false);
    }

    /** The ids among these units classified "đặc biệt khó khăn" on the date. */
    public java.util.Set<Long> especiallyDifficult(List<Long> unitIds, LocalDate date) {
        if (unitIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select c.unit_id from org_unit_classification c
                        join org_classification_period p on p.id = c.period_id
                        where c.unit_id = any(:ids) and c.kind = 'ESPECIALLY_DIFFICULT' and c.value = 'true'
                          and p.valid_from <= :date and p.valid_to >= :date""")
                .param("ids", unitIds.toArray(Long[]::new))
                .param("date", date)
                .query(Long.class)
                .list());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static OrgUnitView view(ResultSet rs, int rowNum) throws SQLException {
        return new OrgUnitView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("full_name"),
                rs.getString("unit_type"),
                rs.getInt("level"),
                rs.getString("parent_code"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class));
    }
}
