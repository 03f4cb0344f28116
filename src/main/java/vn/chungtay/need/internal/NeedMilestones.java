package vn.chungtay.need.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.need.NeedDelivered;
import vn.chungtay.need.NeedFundingRecorded;
import vn.chungtay.need.NeedFundingWithdrawn;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedStatus;

/**
 * Remembers when a need became funded and when it was delivered (in the transaction of the change),
 * so that the annual report counts it in the period it happened; funding withdrawn below the total
 * forgets the first.
 */
@Component
class NeedMilestones {

    private final JdbcClient jdbc;
    private final Clock clock;

    NeedMilestones(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @EventListener
    void on(NeedFundingRecorded event) {
        if (NeedStatus.FUNDED.name().equals(event.after().get("status"))) {
            reached(event.needId(), "FUNDED");
        }
    }

    /** Funding taken back below the total: the need no longer counts as funded (until it is again). */
    @EventListener
    void on(NeedFundingWithdrawn event) {
        if (!NeedStatus.FUNDED.name().equals(event.after().get("status"))) {
            jdbc.sql("delete from need_milestone where need_id = :need and kind = 'FUNDED'")
                    .param("need", event.needId().value())
                    .update();
        }
    }

    @EventListener
    void on(NeedDelivered event) {
        reached(event.needId(), "DELIVERED");
    }

    private void reached(NeedId need, String kind) {
        jdbc.sql("""
                        insert into need_milestone (need_id, kind, reached_at) values (:need, :kind, :at)
                        on conflict (need_id, kind) do nothing""")
                .param("need", need.value())
                .param("kind", kind)
                .param("at", Timestamp.from(Instant.now(clock)))
                .update();
    }
}
