package vn.chungtay.reporting.internal;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The units' e-mail addresses for reports and reminders. */
@Component
public class UnitAddresses {

    private final JdbcClient jdbc;

    UnitAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> of(String unitCode) {
        if (unitCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("select email from report_unit_address where unit_code = :u")
                .param("u", unitCode)
                .query(String.class)
                .optional();
    }

    /** Every unit with an address. */
    public Map<String, String> all() {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        jdbc.sql("select unit_code, email from report_unit_address order by unit_code")
                .query((rs, n) -> all.put(rs.getString(1), rs.getString(2)))
                .list();
        return all;
    }
}
