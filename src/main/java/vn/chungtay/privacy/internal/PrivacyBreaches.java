package vn.chungtay.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.chungtay.privacy.Breach;
import vn.chungtay.privacy.BreachId;

/** The breach register (SQL). */
@Repository
public class PrivacyBreaches {

    private static final String COLUMNS = "id, unit_code, discovered_at, description, data_affected,"
            + " people_affected, containment, notification_deadline, authority_notified_at, people_notified_at,"
            + " closed_at, recorded_by";

    private final JdbcClient jdbc;

    PrivacyBreaches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String unitCode,
            OffsetDateTime discoveredAt,
            String description,
            String dataAffected,
            int peopleAffected,
            String containment,
            String recordedBy) {
        return jdbc.sql("insert into privacy_breach (unit_code, discovered_at, description, data_affected,"
                        + " people_affected, containment, notification_deadline, recorded_by) values (:unit,"
                        + " :discovered, :description, :data, :people, :containment, :deadline, :by) returning id")
                .param("unit", unitCode)
                .param("discovered", discoveredAt)
                .param("description", description)
                .param("data", dataAffected)
                .param("people", peopleAffected)
                .param("containment", containment)
                .param("deadline", Breach.notificationDeadline(discoveredAt))
                .param("by", recordedBy)
                .query(Long.class)
                .single();
    }

    public Optional<Breach> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from privacy_breach where id = :id for update")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** {@code column} is one of the three step columns, never user input. */
    public void stamp(long id, String column, OffsetDateTime at) {
        if (!List.of("authority_notified_at", "people_notified_at", "closed_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("update privacy_breach set " + column + " = :at where id = :id")
                .param("at", at)
                .param("id", id)
                .update();
    }

    /** Open ones first, the nearest deadline first; {@code units} null means all. */
    public List<Breach> list(List<String> units) {
        String scope = units == null ? "true" : "unit_code in (:units)";
        var spec = jdbc.sql("select " + COLUMNS + " from privacy_breach where " + scope
                + " order by (closed_at is not null), notification_deadline desc, id desc limit 500");
        if (units != null) {
            spec = spec.param("units", units.isEmpty() ? List.of("-") : units);
        }
        return spec.query((rs, n) -> map(rs)).list();
    }

    private static Breach map(ResultSet rs) throws SQLException {
        return new Breach(
                new BreachId(rs.getLong("id")),
                rs.getString("unit_code"),
                rs.getObject("discovered_at", OffsetDateTime.class),
                rs.getString("description"),
                rs.getString("data_affected"),
                rs.getInt("people_affected"),
                rs.getString("containment"),
                rs.getObject("notification_deadline", OffsetDateTime.class),
                rs.getObject("authority_notified_at", OffsetDateTime.class),
                rs.getObject("people_notified_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("recorded_by"));
    }
}
