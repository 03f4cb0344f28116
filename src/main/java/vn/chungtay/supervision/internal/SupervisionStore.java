package vn.chungtay.supervision.internal;

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
import vn.chungtay.supervision.EvidenceContent;
import vn.chungtay.supervision.FollowUpStatus;
import vn.chungtay.supervision.FollowUpView;
import vn.chungtay.supervision.PlanId;
import vn.chungtay.supervision.PlanView;
import vn.chungtay.supervision.RecommendationId;
import vn.chungtay.supervision.RecommendationView;
import vn.chungtay.supervision.VisitView;

/** Plans, visits, recommendations, follow-ups and unit contacts in SQL. */
@Repository
public class SupervisionStore {

    private static final String RECOMMENDATION_COLUMNS = """
            r.id, r.plan_id, r.visit_id, r.responsible_unit, r.content, r.issued_on, r.due_date, r.status,
            r.resolved_on, r.issued_by, r.issued_at, r.notified_email""";

    /** A plan's scope for SQL filters: the supervising unit and province, each supervised unit and its province. */
    public static final String PLAN_IN_SCOPE = """
            (p.supervising_unit = :scope or p.supervising_province = :scope or exists (select 1 from
             supervision_plan_unit su where su.plan_id = p.id and (su.unit_code = :scope or su.province_code = :scope)))""";

    private final JdbcClient jdbc;

    SupervisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- plans -------------------------------------------------------------------------------

    public record NewPlan(
            String subject,
            String supervisingUnit,
            String supervisingProvince,
            Map<String, String> supervisedUnitProvinces,
            LocalDate plannedFrom,
            LocalDate plannedTo,
            String members,
            String notes) {}

    public long insertPlan(NewPlan plan, String by, Instant now) {
        long id = jdbc.sql("""
                        insert into supervision_plan (subject, supervising_unit, supervising_province, planned_from,
                            planned_to, members, notes, created_by, created_at)
                        values (:subject, :unit, :province, :from, :to, :members, :notes, :by, :now) returning id""")
                .param("subject", plan.subject())
                .param("unit", plan.supervisingUnit())
                .param("province", plan.supervisingProvince())
                .param("from", plan.plannedFrom())
                .param("to", plan.plannedTo())
                .param("members", plan.members())
                .param("notes", plan.notes())
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        plan.supervisedUnitProvinces()
                .forEach((unit, province) -> jdbc.sql(
                                "insert into supervision_plan_unit (plan_id, unit_code, province_code) values (:id, :unit, :province)")
                        .param("id", id)
                        .param("unit", unit)
                        .param("province", province)
                        .update());
        return id;
    }

    public Optional<PlanView> plan(long id) {
        List<PlanView> found = plans(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<PlanView> plans(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> units = new HashMap<>();
        jdbc.sql("select plan_id, unit_code from supervision_plan_unit where plan_id in (:ids) order by unit_code")
                .param("ids", ids)
                .query((rs, n) -> units.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        Map<Long, PlanView> byId = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, subject, supervising_unit, planned_from, planned_to, members, notes, created_by,
                               created_at from supervision_plan where id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new PlanView(
                        new PlanId(rs.getLong(1)),
                        rs.getString(2),
                        rs.getString(3),
                        units.getOrDefault(rs.getLong(1), List.of()),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs, 9)))
                .list()
                .forEach(p -> byId.put(p.id().value(), p));
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    public record Found(List<Long> ids, long total) {}

    /** Plans matching a where clause over alias {@code p}, newest planned first. */
    public Found searchPlans(String where, Map<String, Object> params, int limit, int offset) {
        long total = jdbc.sql("select count(*) from supervision_plan p where true" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("select p.id from supervision_plan p where true" + where
                        + " order by p.planned_from desc, p.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(Long.class)
                .list();
        return new Found(ids, total);
    }

    // ---- visits ------------------------------------------------------------------------------

    public long insertVisit(
            long planId, String unitCode, LocalDate date, String members, String findings, String by, Instant now) {
        return jdbc.sql("""
                        insert into supervision_visit (plan_id, unit_code, visit_date, members, findings, recorded_by,
                            recorded_at)
                        values (:plan, :unit, :date, :members, :findings, :by, :now) returning id""")
                .param("plan", planId)
                .param("unit", unitCode)
                .param("date", date)
                .param("members", members)
                .param("findings", findings)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public List<VisitView> visits(long planId) {
        return jdbc.sql("""
                        select id, plan_id, unit_code, visit_date, members, findings, recorded_by, recorded_at
                        from supervision_visit where plan_id = :plan order by visit_date, id""")
                .param("plan", planId)
                .query(SupervisionStore::visit)
                .list();
    }

    public Optional<VisitView> visit(long id) {
        return jdbc.sql("""
                        select id, plan_id, unit_code, visit_date, members, findings, recorded_by, recorded_at
                        from supervision_visit where id = :id""").param("id", id).query(SupervisionStore::visit).optional();
    }

    // ---- recommendations ---------------------------------------------------------------------

    public record NewRecommendation(
            long planId,
            Long visitId,
            String responsibleUnit,
            String responsibleCommune,
            String responsibleProvince,
            String content,
            LocalDate issuedOn,
            LocalDate dueDate) {}

    public long insertRecommendation(NewRecommendation r, String by, Instant now) {
        return jdbc.sql("""
                        insert into supervision_recommendation (plan_id, visit_id, responsible_unit, responsible_commune,
                            responsible_province, content, issued_on, due_date, status, issued_by, issued_at)
                        values (:plan, :visit, :unit, :commune, :province, :content, :issued, :due, 'OPEN', :by, :now)
                        returning id""")
                .param("plan", r.planId())
                .param("visit", r.visitId())
                .param("unit", r.responsibleUnit())
                .param("commune", r.responsibleCommune())
                .param("province", r.responsibleProvince())
                .param("content", r.content())
                .param("issued", r.issuedOn())
                .param("due", r.dueDate())
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public void markNotified(long id, String email, long mailId) {
        jdbc.sql("update supervision_recommendation set notified_email = :email, mail_id = :mail where id = :id")
                .param("email", email)
                .param("mail", mailId)
                .param("id", id)
                .update();
    }

    public Optional<RecommendationView> recommendation(long id) {
        return jdbc.sql("select " + RECOMMENDATION_COLUMNS + " from supervision_recommendation r where r.id = :id")
                .param("id", id)
                .query(SupervisionStore::recommendation)
                .optional();
    }

    public Optional<RecommendationView> lockRecommendation(long id) {
        return jdbc.sql("select " + RECOMMENDATION_COLUMNS
                        + " from supervision_recommendation r where r.id = :id for update")
                .param("id", id)
                .query(SupervisionStore::recommendation)
                .optional();
    }

    public List<RecommendationView> recommendationsOfPlan(long planId) {
        return jdbc.sql("select " + RECOMMENDATION_COLUMNS
                        + " from supervision_recommendation r where r.plan_id = :plan order by r.due_date, r.id")
                .param("plan", planId)
                .query(SupervisionStore::recommendation)
                .list();
    }

    /** A recommendation addressed within the scope: to the unit itself, a village of the commune, or within the province. */
    public static final String RECOMMENDATION_IN_SCOPE =
            "(r.responsible_unit = :scope or r.responsible_commune = :scope or r.responsible_province = :scope)";

    /** Recommendations matching a where clause over aliases {@code r} and {@code p}, soonest due first. */
    public List<RecommendationView> searchRecommendations(String where, Map<String, Object> params, int limit) {
        return jdbc.sql("select " + RECOMMENDATION_COLUMNS
                        + " from supervision_recommendation r join supervision_plan p on p.id = r.plan_id where true"
                        + where + " order by r.due_date, r.id limit :limit")
                .params(params)
                .param("limit", limit)
                .query(SupervisionStore::recommendation)
                .list();
    }

    public void setStatus(long id, FollowUpStatus status, LocalDate resolvedOn) {
        jdbc.sql("""
                        update supervision_recommendation set status = :status, resolved_on = :resolved,
                            version = version + 1 where id = :id""")
                .param("status", status.name())
                .param("resolved", resolvedOn)
                .param("id", id)
                .update();
    }

    // ---- follow-ups --------------------------------------------------------------------------

    public long insertFollowUp(
            long recommendationId,
            FollowUpStatus status,
            String note,
            String filename,
            String contentType,
            byte[] evidence,
            String sha256,
            String by,
            Instant now) {
        return jdbc.sql("""
                        insert into supervision_follow_up (recommendation_id, status, note, evidence_filename,
                            evidence_content_type, evidence, evidence_sha256, recorded_by, recorded_at)
                        values (:rec, :status, :note, :filename, :type, :evidence, :sha, :by, :now) returning id""")
                .param("rec", recommendationId)
                .param("status", status.name())
                .param("note", note)
                .param("filename", filename)
                .param("type", contentType)
                .param("evidence", evidence)
                .param("sha", sha256)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public List<FollowUpView> followUps(long recommendationId) {
        return jdbc.sql("""
                        select id, status, note, evidence_filename, evidence_content_type, evidence_sha256, recorded_by,
                               recorded_at
                        from supervision_follow_up where recommendation_id = :rec order by recorded_at, id""")
                .param("rec", recommendationId)
                .query((rs, n) -> new FollowUpView(
                        rs.getLong(1),
                        FollowUpStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs, 8)))
                .list();
    }

    public Optional<EvidenceContent> evidence(long recommendationId, long followUpId) {
        return jdbc.sql("""
                        select evidence_filename, evidence_content_type, evidence_sha256, evidence from supervision_follow_up
                        where id = :id and recommendation_id = :rec and evidence is not null""")
                .param("id", followUpId)
                .param("rec", recommendationId)
                .query((rs, n) ->
                        new EvidenceContent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    // ---- contacts ----------------------------------------------------------------------------

    public Optional<String> contact(String unitCode) {
        return jdbc.sql("select email from supervision_unit_contact where unit_code = :unit")
                .param("unit", unitCode)
                .query(String.class)
                .optional();
    }

    public Map<String, String> contacts(List<String> unitCodes) {
        Map<String, String> found = new LinkedHashMap<>();
        if (unitCodes.isEmpty()) {
            return found;
        }
        jdbc.sql("select unit_code, email from supervision_unit_contact where unit_code in (:units)")
                .param("units", unitCodes)
                .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
                .list();
        return found;
    }

    public void setContact(String unitCode, String email, String by, Instant now) {
        jdbc.sql("""
                        insert into supervision_unit_contact (unit_code, email, updated_by, updated_at)
                        values (:unit, :email, :by, :now)
                        on conflict (unit_code) do update set email = excluded.email, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .param("unit", unitCode)
                .param("email", email)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .update();
    }

    // ---- figures -----------------------------------------------------------------------------

    public long visitsIn(List<String> codes, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from supervision_visit where unit_code in (:codes)"
                        + " and visit_date between :from and :to")
                .param("codes", codes.isEmpty() ? List.of("") : codes)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    public long resolvedIn(List<String> codes, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from supervision_recommendation where responsible_unit in (:codes)"
                        + " and resolved_on between :from and :to")
                .param("codes", codes.isEmpty() ? List.of("") : codes)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    /** Recommendations issued by the day and not resolved by then. */
    public long openOn(List<String> codes, LocalDate day) {
        return jdbc.sql("select count(*) from supervision_recommendation where responsible_unit in (:codes)"
                        + " and issued_on <= :day and (resolved_on is null or resolved_on > :day)")
                .param("codes", codes.isEmpty() ? List.of("") : codes)
                .param("day", day)
                .query(Long.class)
                .single();
    }

    private static VisitView visit(ResultSet rs, int n) throws SQLException {
        return new VisitView(
                rs.getLong(1),
                new PlanId(rs.getLong(2)),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                instant(rs, 8));
    }

    private static RecommendationView recommendation(ResultSet rs, int n) throws SQLException {
        Long visit = rs.getObject("visit_id", Long.class);
        return new RecommendationView(
                new RecommendationId(rs.getLong("id")),
                new PlanId(rs.getLong("plan_id")),
                visit,
                rs.getString("responsible_unit"),
                rs.getString("content"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                FollowUpStatus.valueOf(rs.getString("status")),
                rs.getObject("resolved_on", LocalDate.class),
                rs.getString("issued_by"),
                instant(rs, rs.findColumn("issued_at")),
                rs.getString("notified_email"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
