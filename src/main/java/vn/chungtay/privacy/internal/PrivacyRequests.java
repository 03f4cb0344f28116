package vn.chungtay.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.chungtay.privacy.DataSubjectRequest;
import vn.chungtay.privacy.RequestChannel;
import vn.chungtay.privacy.RequestId;
import vn.chungtay.privacy.RequestKind;
import vn.chungtay.privacy.RequestStatus;

/** The stored data-subject requests (SQL). {@code communes} null means every commune. */
@Repository
public class PrivacyRequests {

    private static final String COLUMNS = "id, kind, child_id, commune_code, received_on, channel, requester_name,"
            + " requester_relationship, details, due_on, status, outcome, finished_on, recorded_by, recorded_at";
    private static final String OPEN = "status in ('RECEIVED', 'IN_PROGRESS')";

    private final JdbcClient jdbc;

    PrivacyRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewRequest(
            RequestKind kind,
            long childId,
            String communeCode,
            LocalDate receivedOn,
            RequestChannel channel,
            String requesterName,
            String requesterRelationship,
            String details,
            LocalDate dueOn,
            String recordedBy) {}

    public long insert(NewRequest r) {
        return jdbc.sql("insert into privacy_request (kind, child_id, commune_code, received_on, channel,"
                        + " requester_name, requester_relationship, details, due_on, recorded_by)"
                        + " values (:kind, :child, :commune, :received, :channel, :name, :relationship, :details,"
                        + " :due, :by) returning id")
                .param("kind", r.kind().name())
                .param("child", r.childId())
                .param("commune", r.communeCode())
                .param("received", r.receivedOn())
                .param("channel", r.channel().name())
                .param("name", r.requesterName())
                .param("relationship", r.requesterRelationship())
                .param("details", r.details())
                .param("due", r.dueOn())
                .param("by", r.recordedBy())
                .query(Long.class)
                .single();
    }

    public Optional<DataSubjectRequest> find(long id, LocalDate today, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from privacy_request where id = :id" + (forUpdate ? " for update" : ""))
                .param("id", id)
                .query((rs, n) -> map(rs, today))
                .optional();
    }

    public void changeStatus(long id, RequestStatus status, String outcome, LocalDate finishedOn) {
        jdbc.sql("update privacy_request set status = :status, outcome = coalesce(:outcome, outcome),"
                        + " finished_on = :finished where id = :id")
                .param("status", status.name())
                .param("outcome", outcome)
                .param("finished", finishedOn)
                .param("id", id)
                .update();
    }

    public long count(List<String> communes, boolean overdueOnly, LocalDate today) {
        return jdbc.sql("select count(*) from privacy_request where " + where(communes, overdueOnly))
                .params(params(communes, today))
                .query(Long.class)
                .single();
    }

    /** Overdue first, then open ones by due date, then finished ones, newest first. */
    public List<DataSubjectRequest> list(
            List<String> communes, boolean overdueOnly, LocalDate today, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from privacy_request where " + where(communes, overdueOnly)
                        + " order by case when " + OPEN + " and due_on < :today then 0 when " + OPEN
                        + " then 1 else 2 end, case when " + OPEN + " then due_on end, recorded_at desc, id desc"
                        + " offset :offset limit :limit")
                .params(params(communes, today))
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> map(rs, today))
                .list();
    }

    private static String where(List<String> communes, boolean overdueOnly) {
        String scope = communes == null ? "true" : "commune_code in (:communes)";
        return scope + (overdueOnly ? " and " + OPEN + " and due_on < :today" : "");
    }

    private static java.util.Map<String, Object> params(List<String> communes, LocalDate today) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("today", today);
        if (communes != null) {
            params.put("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return params;
    }

    private static DataSubjectRequest map(ResultSet rs, LocalDate today) throws SQLException {
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        return new DataSubjectRequest(
                new RequestId(rs.getLong("id")),
                RequestKind.valueOf(rs.getString("kind")),
                rs.getLong("child_id"),
                rs.getString("commune_code"),
                rs.getObject("received_on", LocalDate.class),
                RequestChannel.valueOf(rs.getString("channel")),
                rs.getString("requester_name"),
                rs.getString("requester_relationship"),
                rs.getString("details"),
                due,
                status,
                rs.getString("outcome"),
                rs.getObject("finished_on", LocalDate.class),
                rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class),
                status.open() && due.isBefore(today));
    }
}
