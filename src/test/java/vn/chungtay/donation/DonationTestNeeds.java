package vn.chungtay.donation;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Open demo needs for tests that earmark gifts (published or partly funded, lacking at least 1.000.000 ₫). */
final class DonationTestNeeds {

    private DonationTestNeeds() {}

    static long openNeed(JdbcClient jdbc, String communeCode) {
        return jdbc.sql("""
                        select id from need where commune_code = ? and status in ('PUBLISHED', 'PARTLY_FUNDED')
                        and total_dong - funded_dong >= 1000000 order by total_dong - funded_dong desc limit 1""").param(communeCode).query(Long.class).single();
    }

    static long funded(JdbcClient jdbc, long needId) {
        return jdbc.sql("select funded_dong from need where id = ?")
                .param(needId)
                .query(Long.class)
                .single();
    }
}
