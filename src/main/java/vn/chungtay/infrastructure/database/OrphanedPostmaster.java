package vn.chungtay.infrastructure.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the application was killed ({@code kill -9}) its PostgreSQL keeps running and holds the
 * data directory. This finds that postmaster through {@code postmaster.pid} and shuts it down
 * (fast shutdown, then immediate) so the next start can take the directory over.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of);
        if (postmaster.isEmpty() || !postmaster.get().isAlive() || !isPostgres(postmaster.get())) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Found an orphaned PostgreSQL (pid {}) holding {}; stopping it", process.pid(), dataDirectory);
        for (String signal : List.of("INT", "QUIT", "KILL")) {
            signal(process.pid(), signal);
            if (waitForExit(process, Duration.ofSeconds(30))) {
                log.info("Orphaned PostgreSQL stopped with SIG{}", signal);
                return;
            }
        }
        throw new IllegalStateException("Could not stop the PostgreSQL (pid " + process.pid() + ") holding "
                + dataDirectory + "; stop it by hand and start again");
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            log.warn("Unreadable {}: {}", pidFile, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres")).orElse(true);
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Could not signal pid " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping pid " + pid, e);
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }
}
