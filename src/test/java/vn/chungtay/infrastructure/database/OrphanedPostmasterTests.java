package vn.chungtay.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After {@code kill -9} of the application its PostgreSQL is orphaned; the next start must still succeed. */
class OrphanedPostmasterTests {

    @TempDir
    Path dataDirectory;

    @Test
    void theNextStartStopsTheOrphanedPostmasterAndKeepsTheData() throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PostgresChild.class.getName(),
                        dataDirectory.toString()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // the child's start-up log
            }
            assertThat(line).as("child PostgreSQL started").startsWith("READY");
        }
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim());

        child.destroyForcibly(); // kill -9 of the application
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).contains(true);

        OrphanedPostmaster.stopIfRunning(dataDirectory);

        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        try (EmbeddedPostgres restarted = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .start();
                var connection = restarted.getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select note from survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the crash");
        }
    }

    @Test
    void aStalePidFileOfADeadProcessIsLeftToPostgres() throws Exception {
        Files.writeString(dataDirectory.resolve("postmaster.pid"), "999999\n" + dataDirectory + "\n");
        OrphanedPostmaster.stopIfRunning(dataDirectory);
        assertThat(dataDirectory.resolve("postmaster.pid")).exists();
    }
}
