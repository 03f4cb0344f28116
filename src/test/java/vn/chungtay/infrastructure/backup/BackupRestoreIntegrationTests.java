package vn.chungtay.infrastructure.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;

@IntegrationTest
class BackupRestoreIntegrationTests {

    @Autowired
    Backups backups;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Flyway flyway;

    private HikariDataSource emptyDatabase() throws Exception {
        String name = "restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("create database " + name).update();
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        HikariDataSource target = new HikariDataSource();
        target.setJdbcUrl(url.replaceFirst("/chungtay\\?", "/" + name + "?"));
        target.setUsername("postgres");
        target.setMaximumPoolSize(2);
        return target;
    }

    private Flyway flywayFor(DataSource target) {
        return Flyway.configure()
                .configuration(flyway.getConfiguration())
                .dataSource(target)
                .load();
    }

    @Test
    void aBackupRestoresIntoAnEmptyDatabaseWithEveryRecordVerified() throws Exception {
        Path file = backups.file(backups.create().orElseThrow().name()).orElseThrow();
        Properties manifest;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            manifest = DatabaseRestore.manifest(zip);
        }

        try (HikariDataSource target = emptyDatabase()) {
            Flyway targetFlyway = flywayFor(target);
            DatabaseRestore.Result result = DatabaseRestore.restore(file, target, targetFlyway);
            targetFlyway.migrate();

            assertThat(result.schemaVersion()).isEqualTo(manifest.getProperty("schemaVersion"));
            assertThat(result.rows()).isPositive();
            JdbcClient restored = JdbcClient.create(target);
            for (String table : manifest.getProperty("tables").split(",")) {
                long rows = restored.sql("select count(*) from \"" + table + "\"")
                        .query(Long.class)
                        .single();
                assertThat(rows).as(table).isEqualTo(Long.parseLong(manifest.getProperty("table." + table + ".rows")));
            }
            assertThat(restored.sql("select count(*) from org_unit")
                            .query(Long.class)
                            .single())
                    .isGreaterThan(3000);
            // the append-only audit trail is still append-only after a restore
            assertThatThrownBy(() -> restored.sql("delete from audit_entry").update())
                    .rootCause()
                    .hasMessageContaining("append-only");
            // sequences continue after the restored rows instead of colliding with them
            Long nextCampaign = restored.sql("select nextval('campaign_id_seq')")
                    .query(Long.class)
                    .single();
            Long maxCampaign = restored.sql("select coalesce(max(id), 0) from campaign")
                    .query(Long.class)
                    .single();
            assertThat(nextCampaign).isGreaterThan(maxCampaign);
        }
    }

    @Test
    void refusesADatabaseThatIsNotEmptyAndATamperedBackupLeavingNothingWritten() throws Exception {
        Path file = backups.file(backups.create().orElseThrow().name()).orElseThrow();

        assertThatThrownBy(() -> DatabaseRestore.restore(file, dataSource, flyway))
                .isInstanceOf(DatabaseRestore.RestoreRefused.class)
                .hasMessageContaining("not empty");

        Path tampered = Files.createTempFile("tampered-", ".zip");
        try (ZipFile zip = new ZipFile(file.toFile());
                OutputStream out = Files.newOutputStream(tampered);
                ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("tables/org_unit.csv")) {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    bytes = text.replaceFirst("Lâm Đồng", "Lam Dong (altered)")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(bytes);
                copy.closeEntry();
            }
        }
        try (HikariDataSource target = emptyDatabase()) {
            assertThatThrownBy(() -> DatabaseRestore.restore(tampered, target, flywayFor(target)))
                    .isInstanceOf(DatabaseRestore.RestoreRefused.class)
                    .hasMessageContaining("org_unit");
            Map<String, Object> left = JdbcClient.create(target)
                    .sql("select count(*) as tables from pg_tables where schemaname = 'public'")
                    .query()
                    .singleRow();
            assertThat(left.get("tables")).isEqualTo(0L);
        } finally {
            Files.deleteIfExists(tampered);
        }
    }

    @Test
    void onlyListedBackupFilesCanBeDownloaded() throws IOException {
        assertThat(backups.file("../../etc/passwd")).isEmpty();
        assertThat(backups.file("chungtay-nothing.zip")).isEmpty();
    }
}
