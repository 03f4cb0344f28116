package vn.chungtay.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class EmbeddedDatabaseIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private String setting(String name) {
        return jdbc.sql("select current_setting(:name)")
                .param("name", name)
                .query(String.class)
                .single();
    }

    @Test
    void theEmbeddedServerIsPostgres17WithDurableWrites() {
        assertThat(setting("server_version")).startsWith("17.");
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void theContribExtensionsAndIcuCollationsAreThere() {
        assertThat(jdbc.sql("select extname from pg_extension")
                        .query(String.class)
                        .list())
                .contains("btree_gist", "pg_trgm", "unaccent");
        assertThat(jdbc.sql("select count(*) from pg_collation where collname = 'vi-x-icu'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
