package vn.chungtay.delivery.internal;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.child.ChildDataWithdrawn;
import vn.chungtay.child.ChildDirectory;
import vn.chungtay.delivery.DeliveryChildWithdrawn;
import vn.chungtay.delivery.DeliveryId;
import vn.chungtay.shared.security.Actor;

/**
 * When a child's data may no longer be used (consent withdrawn or data erased), deliveries stop
 * naming the child at once, in the withdrawal's transaction: the rows stay so the counts do not
 * change, without the child's id. Withdrawing only the photo or anonymous-mention consent leaves
 * the record usable, so the support history keeps it.
 */
@Component
class DeliveryReactions {

    private final DeliveryStore store;
    private final ChildDirectory children;
    private final ApplicationEventPublisher events;

    DeliveryReactions(DeliveryStore store, ChildDirectory children, ApplicationEventPublisher events) {
        this.store = store;
        this.children = children;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void on(ChildDataWithdrawn withdrawn) {
        if (!withdrawn.erased() && children.canUse(Actor.SYSTEM, withdrawn.childId())) {
            return;
        }
        Map<Long, String> touched = store.withdrawChild(withdrawn.childId().value());
        touched.forEach((deliveryId, commune) -> events.publishEvent(
                new DeliveryChildWithdrawn(new DeliveryId(deliveryId), commune, withdrawn.erased())));
    }
}
