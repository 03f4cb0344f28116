package vn.chungtay.outreach.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.chungtay.outreach.ActivityId;
import vn.chungtay.outreach.ActivityView;
import vn.chungtay.outreach.OutreachMethod;
import vn.chungtay.outreach.PhotoContent;
import vn.chungtay.outreach.Topic;

/** The activities, their villages, topics and photos in SQL; deleted activities are never read back. */
@Repository
public class ActivityStore {

    private static final String COLUMNS = """
            a.id, a.activity_date, a.commune_code, a.province_code, a.method, a.organisers, a.partners,
            a.people_reached, a.households_reached, a.language, a.notes, a.created_by, a.created_at,
            a.updated_by, a.updated_at""";

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ActivityData d, String by, Instant now) {
        long id = jdbc.sql("""
                        insert into outreach_activity (activity_date, commune_code, province_code, method, organisers,
                            partners, people_reached, households_reached, language, notes, created_by, created_at)
                        values (:date, :commune, :province, :method, :organisers, :partners, :people, :households,
                            :language, :notes, :by, :now) returning id""")
                .params(columns(d))
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        writeLists(id, d);
        return id;
    }

    public void update(long id, ActivityData d, String by, Instant now) {
        jdbc.sql("""
                        update outreach_activity set activity_date = :date, commune_code = :commune,
                            province_code = :province, method = :method, organisers = :organisers, partners = :partners,
                            people_reached = :people, households_reached = :households, language = :language,
                            notes = :notes, updated_by = :by, updated_at = :now, version = version + 1
                        where id = :id and deleted_at is null""")
                .params(columns(d))
                .param("by", by)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        jdbc.sql("delete from outreach_activity_village where activity_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from outreach_activity_topic where activity_id = :id")
                .param("id", id)
                .update();
        writeLists(id, d);
    }

    public void markDeleted(long id, String reason, String by, Instant now) {
        jdbc.sql("""
                        update outreach_activity set deleted_at = :now, deleted_by = :by, delete_reason = :reason,
                            version = version + 1
                        where id = :id and deleted_at is null""")
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    /** Locks the activity's row for a change; empty when it does not exist or was deleted. */
    public Optional<ActivityView> lock(long id) {
        boolean found = jdbc.sql("select id from outreach_activity where id = :id and deleted_at is null for update")
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
        return found ? find(id) : Optional.empty();
    }

    public Optional<ActivityView> find(long id) {
        List<ActivityView> found = views(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The activities of the ids, in the order given (deleted ones left out). */
    public List<ActivityView> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> villages = new HashMap<>();
        jdbc.sql("select activity_id, village_code from outreach_activity_village where activity_id in (:ids)"
                        + " order by activity_id, village_code")
                .param("ids", ids)
                .query((rs, n) -> villages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        Map<Long, List<Topic>> topics = new HashMap<>();
        jdbc.sql("select activity_id, topic from outreach_activity_topic where activity_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> topics.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(Topic.valueOf(rs.getString(2))))
                .list();
        topics.values().forEach(list -> list.sort(null));
        Map<Long, List<ActivityView.PhotoView>> photos = new HashMap<>();
        jdbc.sql("""
                        select activity_id, id, filename, content_type, size_bytes, sha256, uploaded_at from outreach_photo
                        where activity_id in (:ids) and removed_at is null order by id""")
                .param("ids", ids)
                .query((rs, n) -> photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ActivityView.PhotoView(
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getString(6),
                                instant(rs, 7))))
                .list();
        Map<Long, ActivityView> byId = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from outreach_activity a where a.id in (:ids) and a.deleted_at is null")
                .param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new ActivityView(
                            new ActivityId(id),
                            rs.getObject("activity_date", LocalDate.class),
                            rs.getString("commune_code"),
                            rs.getString("province_code"),
                            villages.getOrDefault(id, List.of()),
                            OutreachMethod.valueOf(rs.getString("method")),
                            topics.getOrDefault(id, List.of()),
                            rs.getString("organisers"),
                            rs.getString("partners"),
                            rs.getInt("people_reached"),
                            rs.getInt("households_reached"),
                            rs.getString("language"),
                            rs.getString("notes"),
                            photos.getOrDefault(id, List.of()),
                            rs.getString("created_by"),
                            instant(rs, rs.findColumn("created_at")),
                            rs.getString("updated_by"),
                            instant(rs, rs.findColumn("updated_at")));
                })
                .list()
                .forEach(v -> byId.put(v.id().value(), v));
        return ids.stream().map(byId::get).filter(v -> v != null).toList();
    }

    /** One page of activity ids matching a where clause (over alias {@code a}), newest first, and the total. */
    public record Found(List<Long> ids, long total) {}

    public Found search(String where, Map<String, Object> params, int limit, int offset) {
        long total = jdbc.sql("select count(*) from outreach_activity a where a.deleted_at is null" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("select a.id from outreach_activity a where a.deleted_at is null" + where
                        + " order by a.activity_date desc, a.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(Long.class)
                .list();
        return new Found(ids, total);
    }

    // ---- photos ------------------------------------------------------------------------------

    public int photoCount(long activityId) {
        return jdbc.sql("select count(*) from outreach_photo where activity_id = :id and removed_at is null")
                .param("id", activityId)
                .query(Integer.class)
                .single();
    }

    public boolean hasPhoto(long activityId, String sha256) {
        return jdbc.sql(
                                "select count(*) from outreach_photo where activity_id = :id and sha256 = :sha and removed_at is null")
                        .param("id", activityId)
                        .param("sha", sha256)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public long insertPhoto(
            long activityId,
            String filename,
            String contentType,
            byte[] content,
            String sha256,
            String by,
            Instant now) {
        return jdbc.sql("""
                        insert into outreach_photo (activity_id, filename, content_type, size_bytes, sha256, content,
                            uploaded_by, uploaded_at)
                        values (:activity, :filename, :type, :size, :sha, :content, :by, :now) returning id""")
                .param("activity", activityId)
                .param("filename", filename)
                .param("type", contentType)
                .param("size", content.length)
                .param("sha", sha256)
                .param("content", content)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public boolean removePhoto(long activityId, long photoId, Instant now) {
        return jdbc.sql("""
                        update outreach_photo set removed_at = :now
                        where id = :photo and activity_id = :activity and removed_at is null""")
                        .param("now", Timestamp.from(now))
                        .param("photo", photoId)
                        .param("activity", activityId)
                        .update()
                == 1;
    }

    public Optional<PhotoContent> photo(long activityId, long photoId) {
        return jdbc.sql("""
                        select p.filename, p.content_type, p.sha256, p.content from outreach_photo p
                        join outreach_activity a on a.id = p.activity_id
                        where p.id = :photo and p.activity_id = :activity and p.removed_at is null
                          and a.deleted_at is null""")
                .param("photo", photoId)
                .param("activity", activityId)
                .query((rs, n) -> new PhotoContent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    // ---- coverage and figures ----------------------------------------------------------------

    /** A village's activities in a period and the date of the last one. */
    public record VillageCount(String villageCode, String communeCode, int activities, LocalDate last) {}

    /** Per village of the communes (or of the province when {@code province} is set): activities in the period. */
    public List<VillageCount> villageCounts(List<String> communes, String province, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select v.village_code, a.commune_code, count(*), max(a.activity_date)
                        from outreach_activity a join outreach_activity_village v on v.activity_id = a.id
                        where a.deleted_at is null and a.activity_date between :from and :to
                          and (a.commune_code in (:communes) or a.province_code = :province)
                        group by v.village_code, a.commune_code""")
                .param("from", from)
                .param("to", to)
                .param("communes", communes.isEmpty() ? List.of("") : communes)
                .param("province", province == null ? "" : province)
                .query((rs, n) -> new VillageCount(
                        rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** Activities, people and households per month (1–12) and commune in the period. */
    public record MonthRow(String communeCode, int month, int activities, long people, long households) {}

    public List<MonthRow> monthly(List<String> communes, String province, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select a.commune_code, cast(extract(month from a.activity_date) as integer), count(*),
                               coalesce(sum(a.people_reached), 0), coalesce(sum(a.households_reached), 0)
                        from outreach_activity a
                        where a.deleted_at is null and a.activity_date between :from and :to
                          and (a.commune_code in (:communes) or a.province_code = :province)
                        group by 1, 2""")
                .param("from", from)
                .param("to", to)
                .param("communes", communes.isEmpty() ? List.of("") : communes)
                .param("province", province == null ? "" : province)
                .query((rs, n) ->
                        new MonthRow(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Totals of the activities in the period whose commune or one of whose villages is among the codes. */
    public record Totals(long activities, long people, long households) {}

    public Totals totals(List<String> codes, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(a.people_reached), 0), coalesce(sum(a.households_reached), 0)
                        from outreach_activity a
                        where a.deleted_at is null and a.activity_date between :from and :to
                          and (a.commune_code in (:codes) or exists (select 1 from outreach_activity_village v
                               where v.activity_id = a.id and v.village_code in (:codes)))""")
                .param("from", from)
                .param("to", to)
                .param("codes", codes.isEmpty() ? List.of("") : codes)
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Villages reached in the period within the codes (the village or its commune listed), with their last activity date. */
    public Map<String, LocalDate> villagesReached(List<String> codes, LocalDate from, LocalDate to) {
        Map<String, LocalDate> reached = new LinkedHashMap<>();
        jdbc.sql("""
                        select v.village_code, max(a.activity_date)
                        from outreach_activity a join outreach_activity_village v on v.activity_id = a.id
                        where a.deleted_at is null and a.activity_date between :from and :to
                          and (a.commune_code in (:codes) or v.village_code in (:codes))
                        group by v.village_code order by v.village_code""")
                .param("from", from)
                .param("to", to)
                .param("codes", codes.isEmpty() ? List.of("") : codes)
                .query((rs, n) -> reached.put(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .list();
        return reached;
    }

    private static Map<String, Object> columns(ActivityData d) {
        Map<String, Object> params = new HashMap<>();
        params.put("date", d.date());
        params.put("commune", d.communeCode());
        params.put("province", d.provinceCode());
        params.put("method", d.method().name());
        params.put("organisers", d.organisers());
        params.put("partners", d.partners());
        params.put("people", d.peopleReached());
        params.put("households", d.householdsReached());
        params.put("language", d.language());
        params.put("notes", d.notes());
        return params;
    }

    private void writeLists(long id, ActivityData d) {
        for (String village : d.villageCodes()) {
            jdbc.sql("insert into outreach_activity_village (activity_id, village_code) values (:id, :village)")
                    .param("id", id)
                    .param("village", village)
                    .update();
        }
        for (Topic topic : d.topics()) {
            jdbc.sql("insert into outreach_activity_topic (activity_id, topic) values (:id, :topic)")
                    .param("id", id)
                    .param("topic", topic.name())
                    .update();
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
