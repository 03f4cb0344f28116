package vn.chungtay.need.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** {@link LockingNeeds} with JPA: refreshing with a pessimistic lock also replaces a stale copy read earlier in the transaction. */
class LockingNeedsImpl implements LockingNeeds {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Need lockForChange(long id) {
        Need need = entityManager.find(Need.class, id);
        if (need != null) {
            entityManager.refresh(need, LockModeType.PESSIMISTIC_WRITE);
        }
        return need;
    }
}
