package vn.chungtay.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One ChungTay application as a separate operating-system process started from the packaged jar
 * ({@code java -jar target/chungtay.jar}), the way a server runs it: its own port, working
 * directory and log file, killed with SIGKILL ({@link #kill}) or stopped with SIGTERM ({@link #stop}).
 */
final class AppInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final int port;
    private final Path workDirectory;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private volatile Process process;
    private int starts;

    AppInstance(String name, int port, Path workDirectory, Map<String, String> environment, List<String> arguments)
            throws IOException {
        this.name = name;
        this.port = port;
        this.workDirectory = Files.createDirectories(workDirectory);
        this.log = logDirectory().resolve(name + ".log");
        Files.deleteIfExists(log);
        this.environment = environment;
        this.arguments = arguments;
    }

    /** The packaged jar: {@code -Dchungtay.jar} (set by the build), else {@code target/chungtay.jar}. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("chungtay.jar", "target/chungtay.jar"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: the reliability suite runs on the packaged jar,"
                    + " run it with ./mvnw -Preliability verify");
        }
        return jar;
    }

    /** Where the instances' logs go: {@code target/reliability/}. */
    static Path logDirectory() throws IOException {
        return Files.createDirectories(jar().getParent().resolve("reliability"));
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the process used so far (all threads), in seconds; 0 when it is gone. */
    double cpuSeconds() {
        Process p = process;
        return p == null
                ? 0
                : p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts the process (appending to its log); {@link #awaitHealthy} waits for it. */
    synchronized AppInstance start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a server's options (bin/chungtay): the quick JIT tier halves the start-up CPU on two cores
        for (String option : System.getProperty("chungtay.reliability.jvm-options", "-XX:TieredStopAtLevel=1 -Xmx512m")
                .split("\\s+")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.add("-Duser.timezone=" + java.util.TimeZone.getDefault().getID());
        command.add("-jar");
        command.add(jar().toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // nothing of the test JVM's own database or mail settings leaks into the instance
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CHUNGTAY_"));
        builder.environment().putAll(environment);
        starts++;
        Files.writeString(
                log,
                "==== " + name + " start " + starts + " at " + Instant.now() + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        return this;
    }

    /** Waits until {@code /actuator/health/readiness} answers UP; fails with the log's tail if the process dies. */
    AppInstance awaitHealthy(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(60));
            }
            if (healthy()) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + ":\n" + tail(60));
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}: SIGKILL on Linux, no shutdown hook, no graceful close of anything. */
    void kill() throws InterruptedException {
        Process p = process;
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** SIGTERM and a graceful shutdown (SIGKILL after 60 s). */
    void stop() throws InterruptedException {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The last lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** How many lines of the log contain the text. */
    long countInLog(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
