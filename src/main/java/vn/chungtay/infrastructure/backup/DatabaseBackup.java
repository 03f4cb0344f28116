package vn.chungtay.infrastructure.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent logical backup of every table of the {@code public} schema, written as a zip: one
 * CSV per table (PostgreSQL {@code COPY … TO STDOUT} inside one repeatable-read snapshot, so all
 * tables are from the same moment while the application keeps running), and a {@code manifest.properties}
 * with the schema version (Flyway), the row count and SHA-256 of every table's CSV, and the values
 * of the sequences. Works the same for the embedded and for an external PostgreSQL; {@link
 * DatabaseRestore} reads it back and verifies every table against the manifest.
 */
public final class DatabaseBackup {

    static final String FORMAT = "chungtay-backup-1";

    private DatabaseBackup() {}

    /** What a backup holds, as read from its manifest. */
    public record Summary(String schemaVersion, int tables, long rows, Instant createdAt) {}

    public static Summary write(DataSource dataSource, OutputStream target) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                stableOutput(statement);
                return write(connection, target);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static Summary write(Connection connection, OutputStream target) throws IOException, SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Properties manifest = new Properties();
        Instant now = Instant.now();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("createdAt", now.toString());
        String version = schemaVersion(connection);
        manifest.setProperty("schemaVersion", version);
        List<String> tables = tables(connection);
        manifest.setProperty("tables", String.join(",", tables));
        long totalRows = 0;
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        for (String table : tables) {
            zip.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
            MessageDigest digest = sha256();
            // streamed: a table of millions of rows never sits in memory
            long rows = copy.copyOut(export(connection, table), new DigestOutputStream(new NonClosing(zip), digest));
            zip.closeEntry();
            manifest.setProperty("table." + table + ".rows", Long.toString(rows));
            manifest.setProperty("table." + table + ".sha256", HexFormat.of().formatHex(digest.digest()));
            totalRows += rows;
        }
        for (Map.Entry<String, Long> sequence : sequences(connection).entrySet()) {
            manifest.setProperty("sequence." + sequence.getKey(), Long.toString(sequence.getValue()));
        }
        StringWriter text = new StringWriter();
        manifest.store(text, "ChungTay backup: restore with --chungtay.restore-from=<this file> (docs/backup.md)");
        zip.putNextEntry(new ZipEntry("manifest.properties"));
        zip.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        zip.closeEntry();
        zip.finish();
        return new Summary(version, tables.size(), totalRows, now);
    }

    /** Session settings that make the export of the same rows give the same bytes on any machine. */
    static void stableOutput(Statement statement) throws SQLException {
        statement.execute("SET LOCAL TimeZone = 'UTC'");
        statement.execute("SET LOCAL DateStyle = 'ISO, YMD'");
        statement.execute("SET LOCAL IntervalStyle = 'postgres'");
        statement.execute("SET LOCAL extra_float_digits = 3");
        statement.execute("SET LOCAL bytea_output = 'hex'");
    }

    /** The Flyway version the schema is at ("" when Flyway never ran). */
    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select version from flyway_schema_history where success and version is not null"
                                + " order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** The application's tables (Flyway's own history excluded: a restore migrates the empty database itself). */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename <> 'flyway_schema_history' order by tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = 'public'"
                                + " order by sequencename")) {
            while (rs.next()) {
                sequences.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sequences;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The export of one table in a stable order, so the same rows always give the same bytes: its
     * stored columns only (a generated column is computed again when the rows are loaded, and COPY
     * refuses to load one).
     */
    static String export(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.attname from pg_attribute a
                 where a.attrelid = to_regclass(?) and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                 order by a.attnum""")) {
            statement.setString(1, "public." + quote(table));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(quote(result.getString(1)));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("Table " + table + " has no stored columns");
        }
        return "COPY (SELECT " + String.join(", ", columns) + " FROM " + quote(table)
                + " t ORDER BY t::text) TO STDOUT WITH (FORMAT csv, HEADER true)";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets COPY write into one zip entry without closing the zip. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
