package vn.chungtay.need.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.child.ChildDataWithdrawn;
import vn.chungtay.need.NeedChildDetailsWithdrawn;
import vn.chungtay.need.NeedId;
import vn.chungtay.organisation.VillageChanged;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Reactions to other modules, in their transaction so they take effect at once: a child's data
 * withdrawn or erased stops every child-level mention on that child's needs; a renamed village is
 * found under its new name.
 */
@Component
class NeedReactions {

    private final NeedRepository needs;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NeedReactions(NeedRepository needs, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.needs = needs;
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void on(ChildDataWithdrawn withdrawn) {
        for (Need need : needs.findByChildId(withdrawn.childId().value())) {
            var before = need.auditState();
            before.put("childDetailsWithdrawn", need.isChildDetailsWithdrawn());
            need.withdrawChildDetails(withdrawn.erased());
            var after = need.auditState();
            after.put("childDetailsWithdrawn", true);
            needs.flush();
            events.publishEvent(
                    new NeedChildDetailsWithdrawn(new NeedId(need.getId()), need.getCommuneCode(), before, after));
        }
    }

    @EventListener
    @Transactional
    public void on(VillageChanged change) {
        Object fullName = change.after().get("fullName");
        if (fullName == null) {
            return;
        }
        jdbc.sql("update need set village_folded = :folded where unit_code = :code and village_folded <> :folded")
                .param("folded", VietnameseText.fold(fullName.toString()))
                .param("code", change.villageCode())
                .update();
    }
}
