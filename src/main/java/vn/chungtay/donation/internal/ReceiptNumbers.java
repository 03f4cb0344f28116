package vn.chungtay.donation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipt numbers per issuing unit and year, without gaps or duplicates: one counter row per unit
 * and year, moved forward in the gift's own transaction. The row stays locked until that
 * transaction ends, so concurrent gifts of a unit take their numbers one after the other, and a
 * gift that fails gives its number back with the rollback.
 */
@Component
public class ReceiptNumbers {

    private final JdbcClient jdbc;

    ReceiptNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the unit's year. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String unitCode, int year) {
        return reserve(unitCode, year, 1);
    }

    /** Reserves {@code count} consecutive numbers and returns the first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reserve(String unitCode, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Reserve at least one number");
        }
        int last = jdbc.sql("""
                        insert into receipt_counter (unit_code, year, last_number) values (:unit, :year, :count)
                        on conflict (unit_code, year) do update set last_number = receipt_counter.last_number + :count
                        returning last_number""")
                .param("unit", unitCode)
                .param("year", year)
                .param("count", count)
                .query(Integer.class)
                .single();
        return last - count + 1;
    }
}
