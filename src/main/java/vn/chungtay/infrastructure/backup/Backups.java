package vn.chungtay.infrastructure.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Backups kept in a directory ({@code chungtay.backup.directory}, default {@code ./data/backups}):
 * one every night ({@code chungtay.backup.cron}), the newest {@code chungtay.backup.keep} kept, one
 * instance at a time (a PostgreSQL advisory lock), and on demand from the admin page.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final long LOCK = 0x43545F4241434BL; // "CT_BACK"
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'chungtay-'yyyyMMdd'T'HHmmss'Z.zip'").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Path directory;
    private final int keep;

    Backups(
            DataSource dataSource,
            @Value("${chungtay.backup.directory:./data/backups}") String directory,
            @Value("${chungtay.backup.keep:14}") int keep) {
        this.dataSource = dataSource;
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        this.keep = Math.max(1, keep);
    }

    /** A backup file in the directory. */
    public record BackupFile(String name, long bytes, Instant modified) {}

    @Scheduled(cron = "${chungtay.backup.cron:0 30 1 * * *}")
    void nightly() {
        try {
            create().ifPresent(file -> log.info("Nightly backup written: {} ({} bytes)", file.name(), file.bytes()));
        } catch (IOException | SQLException | RuntimeException e) {
            log.error("Nightly backup failed: {}", e.toString());
        }
    }

    /** Writes a backup now; empty when another instance is writing one. */
    public Optional<BackupFile> create() throws IOException, SQLException {
        Files.createDirectories(directory);
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                return Optional.empty();
            }
            try {
                Instant now = Instant.now();
                Path target = directory.resolve(NAME.format(now));
                Path partial = directory.resolve(target.getFileName() + ".partial");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    DatabaseBackup.write(dataSource, out);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                prune();
                return Optional.of(describe(target));
            } finally {
                try (Statement statement = lock.createStatement()) {
                    statement.execute("select pg_advisory_unlock(" + LOCK + ")");
                }
            }
        }
    }

    public List<BackupFile> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Backups::isBackup)
                    .map(Backups::describe)
                    .sorted(Comparator.comparing(BackupFile::name).reversed())
                    .toList();
        }
    }

    /** The file of a listed backup, or empty for any other name (no path tricks). */
    public Optional<Path> file(String name) throws IOException {
        return list().stream().filter(b -> b.name().equals(name)).findFirst().map(b -> directory.resolve(b.name()));
    }

    private void prune() throws IOException {
        List<BackupFile> all = list();
        for (BackupFile old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(directory.resolve(old.name()));
        }
    }

    private static boolean isBackup(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith("chungtay-") && name.endsWith(".zip") && Files.isRegularFile(path);
    }

    private static BackupFile describe(Path path) {
        try {
            return new BackupFile(
                    path.getFileName().toString(),
                    Files.size(path),
                    Files.getLastModifiedTime(path).toInstant());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
