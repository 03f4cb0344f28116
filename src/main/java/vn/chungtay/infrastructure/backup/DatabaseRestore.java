package vn.chungtay.infrastructure.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a {@link DatabaseBackup} into an EMPTY database: migrates the schema to the backup's
 * version, loads every table in one transaction (triggers and foreign keys are not re-checked row
 * by row: {@code session_replication_role = replica}, which needs a superuser — the embedded
 * server's user is one), sets the sequences, and compares every table's export with the SHA-256 of
 * the manifest before committing. Any difference, or a database that is not empty, leaves nothing
 * written. The caller migrates to the current version afterwards.
 */
public final class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

    private DatabaseRestore() {}

    public record Result(String schemaVersion, int tables, long rows) {}

    /** Thrown when a backup cannot be restored; the message says why, in plain words. */
    public static class RestoreRefused extends RuntimeException {
        public RestoreRefused(String message) {
            super(message);
        }

        public RestoreRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Result restore(Path backup, DataSource dataSource, Flyway flyway) {
        try (ZipFile zip = new ZipFile(backup.toFile(), StandardCharsets.UTF_8)) {
            Properties manifest = manifest(zip);
            String version = manifest.getProperty("schemaVersion", "");
            try (Connection connection = dataSource.getConnection()) {
                if (!DatabaseBackup.tables(connection).isEmpty() || hasFlywayHistory(connection)) {
                    throw new RestoreRefused("The target database is not empty: restore only into a new, empty database"
                            + " (for the embedded database: an empty data directory)");
                }
            }
            Result result;
            try {
                if (!version.isEmpty()) {
                    Flyway.configure(flyway.getConfiguration().getClassLoader())
                            .configuration(flyway.getConfiguration())
                            .target(version)
                            .load()
                            .migrate();
                }
                result = load(zip, manifest, dataSource, version);
            } catch (RuntimeException | SQLException | IOException e) {
                // the database was empty before: leave it empty again, not half restored
                empty(dataSource);
                throw e;
            }
            log.info(
                    "Restored backup {} (schema {}): {} tables, {} rows, every table verified",
                    backup.getFileName(),
                    version,
                    result.tables(),
                    result.rows());
            return result;
        } catch (IOException e) {
            throw new RestoreRefused("The backup file cannot be read: " + backup + " (" + e.getMessage() + ")", e);
        } catch (SQLException e) {
            throw new RestoreRefused("The restore failed and wrote nothing: " + e.getMessage(), e);
        }
    }

    private static Result load(ZipFile zip, Properties manifest, DataSource dataSource, String version)
            throws IOException, SQLException {
        List<String> tables = List.of(manifest.getProperty("tables", "").split(",")).stream()
                .filter(t -> !t.isBlank())
                .toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL session_replication_role = replica");
                    DatabaseBackup.stableOutput(statement);
                }
                List<String> present = DatabaseBackup.tables(connection);
                if (!present.isEmpty()) {
                    // rows that migrations seed (reference lists) come back from the backup instead
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("TRUNCATE "
                                + String.join(
                                        ", ",
                                        present.stream()
                                                .map(DatabaseBackup::quote)
                                                .toList()));
                    }
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                long rows = 0;
                for (String table : tables) {
                    if (!present.contains(table)) {
                        throw new RestoreRefused("Table " + table + " of the backup does not exist at schema version "
                                + version + ": is the backup from another application?");
                    }
                    ZipEntry entry = zip.getEntry("tables/" + table + ".csv");
                    if (entry == null) {
                        throw new RestoreRefused("The backup lacks the data of table " + table);
                    }
                    String columns;
                    try (BufferedReader header = new BufferedReader(
                            new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
                        columns = header.readLine();
                    }
                    if (columns == null || !columns.matches("[a-z0-9_]+(,[a-z0-9_]+)*")) {
                        throw new RestoreRefused("The data of table " + table + " has no valid header line");
                    }
                    long loaded;
                    try (InputStream in = zip.getInputStream(entry)) {
                        loaded = copy.copyIn(
                                "COPY " + DatabaseBackup.quote(table) + " (" + columns
                                        + ") FROM STDIN WITH (FORMAT csv, HEADER true)",
                                in);
                    }
                    long expected = Long.parseLong(manifest.getProperty("table." + table + ".rows", "-1"));
                    if (loaded != expected) {
                        throw new RestoreRefused(
                                "Table " + table + ": " + loaded + " rows loaded, the manifest says " + expected);
                    }
                    rows += loaded;
                }
                for (String name : manifest.stringPropertyNames()) {
                    if (name.startsWith("sequence.")) {
                        long value = Long.parseLong(manifest.getProperty(name));
                        if (value > 0) {
                            try (PreparedStatement setval = connection.prepareStatement("select setval(?, ?, true)")) {
                                setval.setString(1, DatabaseBackup.quote(name.substring("sequence.".length())));
                                setval.setLong(2, value);
                                setval.execute();
                            }
                        }
                    }
                }
                for (String table : tables) {
                    MessageDigest digest = DatabaseBackup.sha256();
                    copy.copyOut(
                            DatabaseBackup.export(connection, table),
                            new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                    String actual = HexFormat.of().formatHex(digest.digest());
                    if (!actual.equals(manifest.getProperty("table." + table + ".sha256"))) {
                        throw new RestoreRefused("Table " + table + " differs from the backup after loading");
                    }
                }
                connection.commit();
                return new Result(version, tables.size(), rows);
            } catch (RuntimeException | SQLException | IOException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void empty(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    private static boolean hasFlywayHistory(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "select 1 from pg_tables where schemaname = 'public' and tablename = 'flyway_schema_history'")) {
            return rs.next();
        }
    }

    static Properties manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("manifest.properties");
        if (entry == null) {
            throw new RestoreRefused("Not a ChungTay backup: manifest.properties is missing");
        }
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            manifest.load(in);
        }
        if (!DatabaseBackup.FORMAT.equals(manifest.getProperty("format"))) {
            throw new RestoreRefused("Unknown backup format: " + manifest.getProperty("format"));
        }
        return manifest;
    }
}
