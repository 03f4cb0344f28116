package vn.chungtay.infrastructure.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code --chungtay.restore-from=<backup.zip>}: before the schema is migrated, the backup is
 * restored into the (empty) database and verified; then the application migrates to its current
 * version and starts as usual. Without the property, Flyway simply migrates.
 */
@Configuration(proxyBeanMethods = false)
class RestoreOnStart {

    @Bean
    FlywayMigrationStrategy restoreThenMigrate(
            @Value("${chungtay.restore-from:}") String restoreFrom, DataSource dataSource) {
        return flyway -> {
            if (!restoreFrom.isBlank()) {
                Path backup = Path.of(restoreFrom.strip());
                if (!Files.isRegularFile(backup)) {
                    throw new DatabaseRestore.RestoreRefused("No backup file at " + backup.toAbsolutePath());
                }
                DatabaseRestore.restore(backup, dataSource, flyway);
            }
            flyway.migrate();
        };
    }
}
