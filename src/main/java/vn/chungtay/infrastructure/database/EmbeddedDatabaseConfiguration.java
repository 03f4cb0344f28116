package vn.chungtay.infrastructure.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the embedded PostgreSQL 17 when no {@code spring.datasource.url} is configured. The data
 * directory survives restarts; an orphaned postmaster left by a crash is stopped first.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${chungtay.embedded-db.data-dir}") String dataDir,
            @Value("${chungtay.embedded-db.port}") int port,
            @Value("${chungtay.embedded-db.ephemeral:false}") boolean ephemeral)
            throws IOException {
        Path directory = ephemeral
                ? Files.createTempDirectory("chungtay-pg-")
                : Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(directory);
        OrphanedPostmaster.stopIfRunning(directory);
        if (!ephemeral) {
            requireFreePort(port);
        }
        log.info("Starting embedded PostgreSQL in {}", directory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(ephemeral)
                // stopped by the application context after the connection pool, not by a JVM hook of its own
                .setRegisterShutdownHook(false)
                .setPort(ephemeral ? 0 : port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "50")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) throws Exception {
        createDatabaseIfMissing(postgres);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "chungtay") + "&reWriteBatchedInserts=true");
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("chungtay-embedded");
        return new HikariDataSource(config);
    }

    /**
     * Refuses to start when something else listens on the port: the embedded server would fail to
     * bind, and the application would silently use the other server's data.
     */
    static void requireFreePort(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("localhost", port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (chungtay.embedded-db.port) is taken by another"
                    + " program; stop it or choose another port with --chungtay.embedded-db.port=...");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = 'chungtay'");
                var rows = exists.executeQuery()) {
            if (!rows.next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database chungtay template template0 encoding 'UTF8'");
                }
            }
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
