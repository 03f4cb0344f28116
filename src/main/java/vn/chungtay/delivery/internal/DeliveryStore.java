package vn.chungtay.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.chungtay.delivery.DeliveryId;
import vn.chungtay.delivery.DeliveryStatus;
import vn.chungtay.delivery.DeliveryView;
import vn.chungtay.delivery.FileKind;
import vn.chungtay.delivery.ProofKind;
import vn.chungtay.delivery.SupportRecord;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.paging.Page;

/** The delivery tables, in SQL: rows in, views and read models out. No access rules here. */
@Repository
public class DeliveryStore {

    /** The fields of a new delivery row. */
    public record NewDelivery(
            long needId,
            long campaignId,
            String unitCode,
            String communeCode,
            String provinceCode,
            String categoryCode,
            int year,
            String season,
            LocalDate date,
            long amountDong,
            long valueDong,
            int childrenCount,
            String handedOverBy,
            String note,
            boolean duplicateConfirmed,
            String recordedBy) {}

    /** A stored file with what is needed to decide who may read it. */
    public record FileRow(
            long id,
            long deliveryId,
            String unitCode,
            String communeCode,
            String contentType,
            String sha256,
            byte[] content) {}

    /** Which rows of the list to show: all, or those of a scope (province, commune or village code). */
    public record Scope(boolean national, String scopeCode, boolean villageOnly) {}

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- writing ------------------------------------------------------------------------------

    public long insert(NewDelivery d) {
        return jdbc.sql("""
                        insert into delivery (need_id, campaign_id, unit_code, commune_code, province_code,
                            category_code, year, season, delivered_on, amount_dong, value_dong, children_count,
                            handed_over_by, note, status, duplicate_confirmed, recorded_by)
                        values (:need, :campaign, :unit, :commune, :province, :category, :year, :season, :date,
                            :amount, :value, :children, :by, :note, 'AWAITING_PROOF', :duplicate, :recordedBy)
                        returning id""")
                .param("need", d.needId())
                .param("campaign", d.campaignId())
                .param("unit", d.unitCode())
                .param("commune", d.communeCode())
                .param("province", d.provinceCode())
                .param("category", d.categoryCode())
                .param("year", d.year())
                .param("season", d.season())
                .param("date", d.date())
                .param("amount", d.amountDong())
                .param("value", d.valueDong())
                .param("children", d.childrenCount())
                .param("by", d.handedOverBy())
                .param("note", d.note())
                .param("duplicate", d.duplicateConfirmed())
                .param("recordedBy", d.recordedBy())
                .query(Long.class)
                .single();
    }

    public void insertItem(
            long deliveryId,
            int position,
            String name,
            String unit,
            long quantity,
            long valueDong,
            boolean inKind,
            String itemKey) {
        jdbc.sql("""
                        insert into delivery_item (delivery_id, position, name, unit, quantity, value_dong, in_kind, item_key)
                        values (:delivery, :position, :name, :unit, :quantity, :value, :inKind, :key)""")
                .param("delivery", deliveryId)
                .param("position", position)
                .param("name", name)
                .param("unit", unit)
                .param("quantity", quantity)
                .param("value", valueDong)
                .param("inKind", inKind)
                .param("key", itemKey)
                .update();
    }

    /** The value of goods in kind as the ledger counted it, and the delivery's total with it. */
    public void setItemValue(long deliveryId, int position, long valueDong) {
        jdbc.sql("update delivery_item set value_dong = :value where delivery_id = :delivery and position = :position")
                .param("value", valueDong)
                .param("delivery", deliveryId)
                .param("position", position)
                .update();
        jdbc.sql("""
                        update delivery d set value_dong = d.amount_dong
                            + coalesce((select sum(i.value_dong) from delivery_item i where i.delivery_id = d.id), 0)
                        where d.id = :delivery""").param("delivery", deliveryId).update();
    }

    public void insertChild(long deliveryId, long childId, String received, Long amountDong) {
        jdbc.sql("""
                        insert into delivery_child (delivery_id, child_id, received, amount_dong)
                        values (:delivery, :child, :received, :amount)""")
                .param("delivery", deliveryId)
                .param("child", childId)
                .param("received", received)
                .param("amount", amountDong)
                .update();
    }

    public void setLedgerEntries(long deliveryId, List<Long> entryIds) {
        jdbc.sql("update delivery set ledger_entry_ids = cast(:ids as bigint[]) where id = :id")
                .param(
                        "ids",
                        "{"
                                + String.join(
                                        ",",
                                        entryIds.stream().map(String::valueOf).toList()) + "}")
                .param("id", deliveryId)
                .update();
    }

    public long insertFile(
            long deliveryId,
            FileKind kind,
            ProofKind proofKind,
            String contentType,
            String sha256,
            byte[] content,
            String originalName,
            String uploadedBy) {
        return jdbc.sql("""
                        insert into delivery_file (delivery_id, kind, proof_kind, content_type, size_bytes, sha256,
                            content, original_name, uploaded_by)
                        values (:delivery, :kind, :proofKind, :type, :size, :sha, :content, :name, :by)
                        returning id""")
                .param("delivery", deliveryId)
                .param("kind", kind.name())
                .param("proofKind", proofKind == null ? null : proofKind.name())
                .param("type", contentType)
                .param("size", content.length)
                .param("sha", sha256)
                .param("content", content)
                .param("name", originalName)
                .param("by", uploadedBy)
                .query(Long.class)
                .single();
    }

    public void confirm(long deliveryId) {
        jdbc.sql("update delivery set status = 'CONFIRMED' where id = :id and status = 'AWAITING_PROOF'")
                .param("id", deliveryId)
                .update();
    }

    /** Locks the delivery row, so two proofs arriving together confirm it once. */
    public Optional<DeliveryStatus> lockStatus(long deliveryId) {
        return jdbc.sql("select status from delivery where id = :id for update")
                .param("id", deliveryId)
                .query(String.class)
                .optional()
                .map(DeliveryStatus::valueOf);
    }

    /**
     * Forgets a child in every delivery that names it: the rows stay (counts do not change) without
     * the child's id. Answers the deliveries touched with their commune.
     */
    public Map<Long, String> withdrawChild(long childId) {
        Map<Long, String> touched = new LinkedHashMap<>();
        jdbc.sql("""
                        update delivery_child c set child_id = null, withdrawn = true, received = null
                        from delivery d where d.id = c.delivery_id and c.child_id = :child
                        returning d.id, d.commune_code""")
                .param("child", childId)
                .query((rs, n) -> touched.put(rs.getLong(1), rs.getString(2)))
                .list();
        return touched;
    }

    // ---- reading ------------------------------------------------------------------------------

    public Optional<DeliveryView> find(long id) {
        Optional<DeliveryView> found = jdbc.sql("select * from delivery where id = :id")
                .param("id", id)
                .query((rs, n) -> view(rs, List.of(), List.of(), List.of()))
                .optional();
        return found.map(d -> new DeliveryView(
                d.id(),
                d.needId(),
                d.campaignId(),
                d.unitCode(),
                d.communeCode(),
                d.provinceCode(),
                d.categoryCode(),
                d.year(),
                d.season(),
                d.date(),
                d.amount(),
                d.value(),
                items(id),
                d.childrenCount(),
                recipients(id),
                d.handedOverBy(),
                d.note(),
                d.status(),
                d.duplicateConfirmed(),
                files(id),
                d.recordedBy(),
                d.recordedAt()));
    }

    /** Deliveries of a scope (and optionally of one need), newest first; items and files left out. */
    public Page<DeliveryView> page(Scope scope, Long needId, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (!scope.national()) {
            where.append(
                    scope.villageOnly()
                            ? " and unit_code = :scope"
                            : " and (province_code = :scope or commune_code = :scope or unit_code = :scope)");
            params.put("scope", scope.scopeCode());
        }
        if (needId != null) {
            where.append(" and need_id = :need");
            params.put("need", needId);
        }
        long total = jdbc.sql("select count(*) from delivery" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<DeliveryView> items = jdbc.sql("select * from delivery" + where
                        + " order by delivered_on desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", Page.offset(page, size))
                .query((rs, n) -> view(rs, List.of(), List.of(), List.of()))
                .list();
        return new Page<>(items, Math.max(page, 0), size, total);
    }

    public Optional<FileRow> file(long deliveryId, long fileId) {
        return jdbc.sql("""
                        select f.id, f.delivery_id, d.unit_code, d.commune_code, f.content_type, f.sha256, f.content
                        from delivery_file f join delivery d on d.id = f.delivery_id
                        where f.id = :file and f.delivery_id = :delivery""")
                .param("file", fileId)
                .param("delivery", deliveryId)
                .query((rs, n) -> new FileRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBytes(7)))
                .optional();
    }

    /** Everything a child received, newest first. */
    public List<SupportRecord> history(long childId) {
        return support(" where c.child_id = :child", Map.of("child", childId));
    }

    /**
     * Earlier support of these children in the category and season: same year, and the same season
     * or either without one.
     */
    public List<SupportRecord> earlierSupport(Collection<Long> childIds, String categoryCode, int year, String season) {
        if (childIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("children", childIds.toArray(Long[]::new));
        params.put("category", categoryCode);
        params.put("year", year);
        params.put("season", season == null ? "" : season);
        return support(
                " where c.child_id = any(:children) and d.category_code = :category and d.year = :year"
                        + " and (d.season is null or :season = '' or lower(d.season) = lower(:season))",
                params);
    }

    private List<SupportRecord> support(String where, Map<String, Object> params) {
        return jdbc.sql("""
                        select d.id, c.child_id, d.need_id, d.category_code, d.year, d.season, d.delivered_on,
                            d.campaign_id, d.commune_code, c.received, c.amount_dong
                        from delivery_child c join delivery d on d.id = c.delivery_id""" + where + " order by d.delivered_on desc, d.id desc")
                .params(params)
                .query((rs, n) -> new SupportRecord(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getObject(11) == null ? null : new Vnd(rs.getLong(11))))
                .list();
    }

    /** Value delivered per campaign for a need (from the recorded deliveries). */
    public Map<Long, Long> deliveredByCampaign(long needId) {
        Map<Long, Long> delivered = new LinkedHashMap<>();
        jdbc.sql("select campaign_id, sum(value_dong) from delivery where need_id = :need group by campaign_id")
                .param("need", needId)
                .query((rs, n) -> delivered.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return delivered;
    }

    public long awaitingProof(long needId) {
        return jdbc.sql("select count(*) from delivery where need_id = :need and status = 'AWAITING_PROOF'")
                .param("need", needId)
                .query(Long.class)
                .single();
    }

    private List<DeliveryView.Item> items(long deliveryId) {
        return jdbc.sql("select name, unit, quantity, value_dong, in_kind from delivery_item where delivery_id = :id"
                        + " order by position")
                .param("id", deliveryId)
                .query((rs, n) -> new DeliveryView.Item(
                        rs.getString(1), rs.getString(2), rs.getLong(3), new Vnd(rs.getLong(4)), rs.getBoolean(5)))
                .list();
    }

    private List<DeliveryView.Recipient> recipients(long deliveryId) {
        return jdbc.sql(
                        "select child_id, received, amount_dong from delivery_child where delivery_id = :id order by id")
                .param("id", deliveryId)
                .query((rs, n) -> new DeliveryView.Recipient(
                        rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3) == null ? null : new Vnd(rs.getLong(3))))
                .list();
    }

    private List<DeliveryView.FileInfo> files(long deliveryId) {
        return jdbc.sql("""
                        select id, kind, proof_kind, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                        from delivery_file where delivery_id = :id order by id""")
                .param("id", deliveryId)
                .query((rs, n) -> new DeliveryView.FileInfo(
                        rs.getLong(1),
                        FileKind.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : ProofKind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static DeliveryView view(
            ResultSet rs,
            List<DeliveryView.Item> items,
            List<DeliveryView.Recipient> children,
            List<DeliveryView.FileInfo> files)
            throws SQLException {
        return new DeliveryView(
                new DeliveryId(rs.getLong("id")),
                rs.getLong("need_id"),
                rs.getLong("campaign_id"),
                rs.getString("unit_code"),
                rs.getString("commune_code"),
                rs.getString("province_code"),
                rs.getString("category_code"),
                rs.getInt("year"),
                rs.getString("season"),
                rs.getObject("delivered_on", LocalDate.class),
                new Vnd(rs.getLong("amount_dong")),
                new Vnd(rs.getLong("value_dong")),
                items,
                rs.getInt("children_count"),
                children,
                rs.getString("handed_over_by"),
                rs.getString("note"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getBoolean("duplicate_confirmed"),
                files,
                rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}
