package vn.chungtay.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.audit.AuditedChange;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * Records every {@link AuditedChange} in the same transaction as the change itself (so a change
 * without its audit row cannot commit), and answers who may see which entries.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OrganisationManagement organisation;

    AuditTrail(JdbcClient jdbc, JsonMapper json, OrganisationManagement organisation) {
        this.jdbc = jdbc;
        this.json = json;
        this.organisation = organisation;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AuditedChange change) {
        Actor actor = CurrentActor.orSystem();
        jdbc.sql("""
                        insert into audit_entry (actor, actor_ip, action, entity_type, entity_id, unit_code, before, after)
                        values (:actor, :ip, :action, :type, :id, :unit, cast(:before as jsonb), cast(:after as jsonb))""")
                .param("actor", actor.username())
                .param("ip", clientAddress())
                .param("action", change.action())
                .param("type", change.entityType())
                .param("id", change.entityId())
                .param("unit", change.unitCode())
                .param("before", toJson(change.before()))
                .param("after", toJson(change.after()))
                .update();
    }

    /** Entries the actor may see (administrators: all; supervisors: their scope), newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> find(Actor actor, AuditQuery query, int page, int size) {
        if (!(actor.has(Role.ADMIN) || actor.has(Role.SUPERVISOR))) {
            throw new OutsideScope(actor.username() + " may not read the audit trail");
        }
        StringBuilder where = new StringBuilder(" from audit_entry a where true");
        Map<String, Object> params = new java.util.HashMap<>();
        if (!actor.isNational()) {
            List<String> codes = new ArrayList<>(organisation.subtree(actor.scopeCode(), organisation.today()).stream()
                    .map(OrgUnitView::code)
                    .toList());
            codes.add(actor.scopeCode());
            where.append(" and a.unit_code = any(:codes)");
            params.put("codes", codes.toArray(String[]::new));
        }
        if (query.entity() != null) {
            where.append(" and a.entity_type = :entity");
            params.put("entity", query.entity());
        }
        if (query.id() != null) {
            where.append(" and a.entity_id = :id");
            params.put("id", query.id());
        }
        if (query.actor() != null) {
            where.append(" and a.actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.from() != null) {
            where.append(" and a.occurred_at >= cast(:from as date)");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and a.occurred_at < cast(:to as date) + 1");
            params.put("to", query.to());
        }
        int limit = Math.min(Math.max(size, 1), 200);
        long total = jdbc.sql("select count(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntry> items = jdbc.sql("select a.id, a.occurred_at, a.actor, a.actor_ip, a.action, a.entity_type,"
                        + " a.entity_id, a.unit_code, a.before::text as before, a.after::text as after"
                        + where + " order by a.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", Page.offset(page, limit))
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("actor_ip"),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("unit_code"),
                        rs.getString("before"),
                        rs.getString("after")))
                .list();
        return new Page<>(items, Math.max(page, 0), limit, total);
    }

    private String toJson(Map<String, Object> state) {
        return state == null || state.isEmpty() ? null : json.writeValueAsString(state);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
