package vn.chungtay.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8 §3, embedded mode: the packaged jar on its default embedded PostgreSQL (data in
 * {@code ./data/pg} of its working directory), a gift recorded, the JVM killed with SIGKILL — which
 * leaves its PostgreSQL running and holding the data directory — and started again: the next start
 * stops the orphaned postmaster, becomes healthy on the same data, and the gift and its chain are there.
 */
class EmbeddedModeKillIT {

    private static final int PORT = Integer.getInteger("chungtay.reliability.embedded-port", 4204);
    private static final int DATABASE_PORT = Integer.getInteger("chungtay.reliability.embedded-db-port", 5204);

    @TempDir
    Path work;

    private AppInstance app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        // nothing may keep running after the test, not even a postmaster of a failed run
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void anEmbeddedInstanceKilledWithSigkillStartsAgainOnItsDataAndIsHealthy() throws Exception {
        long begin = System.nanoTime();
        app = new AppInstance(
                "embedded",
                PORT,
                work,
                Map.of(),
                List.of(
                        "--chungtay.embedded-db.port=" + DATABASE_PORT,
                        "--chungtay.backup.directory=" + work.resolve("backups")));
        app.start().awaitHealthy(Duration.ofMinutes(4));
        double firstStart = seconds(begin);
        assertThat(work.resolve("data/pg/PG_VERSION"))
                .as("the default data directory ./data/pg")
                .exists();

        String officer = Http.basic("xa.cujut", "demo12345");
        LocalDate today = LocalDate.now();
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", "Kiểm thử khởi động lại");
        campaign.put("unitCode", "24640");
        campaign.put("receivingFrom", today.minusDays(10).toString());
        campaign.put("receivingTo", today.plusDays(10).toString());
        campaign.put("targetDong", 10_000_000L);
        long campaignId = Http.expectOk(Http.post(app.baseUrl() + "/api/v1/campaigns", officer, campaign), "campaign")
                .get("id")
                .asLong();
        Map<String, Object> gift = new LinkedHashMap<>();
        gift.put("campaignId", campaignId);
        gift.put("donor", Map.of("name", "Trần Thị Bền", "kind", "INDIVIDUAL", "domestic", true));
        gift.put("channel", "CASH");
        gift.put("amount", 1_250_000);
        gift.put("receivedOn", today.minusDays(1).toString());
        gift.put("message", "Trước khi máy dừng đột ngột");
        JsonNode recorded = Http.expectOk(Http.post(app.baseUrl() + "/api/v1/donations", officer, gift), "gift");

        long orphan = postmaster().orElseThrow().pid();
        app.kill();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("kill -9 of the JVM leaves its PostgreSQL running")
                .contains(true);

        long restart = System.nanoTime();
        app.start().awaitHealthy(Duration.ofMinutes(4));
        double restartSeconds = seconds(restart);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphaned postmaster was stopped")
                .isFalse();
        assertThat(postmaster().orElseThrow().pid()).isNotEqualTo(orphan);
        assertThat(app.countInLog("Found an orphaned PostgreSQL")).isEqualTo(1);

        JsonNode found = Http.expectOk(
                Http.get(
                        app.baseUrl() + "/api/v1/donations/"
                                + recorded.get("id").asLong(),
                        officer),
                "the gift");
        assertThat(found.get("receiptNumber").asString())
                .isEqualTo(recorded.get("receiptNumber").asString());
        assertThat(found.get("amount").asLong()).isEqualTo(1_250_000);
        JsonNode check = Http.expectOk(
                Http.get(app.baseUrl() + "/api/v1/ledger/campaigns/" + campaignId + "/verification", officer),
                "verification");
        assertThat(check.get("checked").asLong()).isEqualTo(1);
        assertThat(check.get("firstBrokenSequence").isNull()).isTrue();
        JsonNode again = Http.expectOk(Http.post(app.baseUrl() + "/api/v1/donations", officer, gift), "second gift");
        assertThat(again.get("receiptNumber").asString())
                .as("the receipt numbers go on after the crash")
                .isNotEqualTo(recorded.get("receiptNumber").asString());

        long postmasterBeforeStop = postmaster().orElseThrow().pid();
        app.stop();
        // pg_ctl's fast shutdown may return while the postmaster finishes its last checkpoint
        ProcessHandle.of(postmasterBeforeStop)
                .ifPresent(p -> p.onExit()
                        .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                        .join());
        assertThat(ProcessHandle.of(postmasterBeforeStop)
                        .map(ProcessHandle::isAlive)
                        .orElse(false))
                .as("a graceful stop stops the embedded PostgreSQL too")
                .isFalse();
        app = null;

        TwoInstancesOnOneDatabaseIT.Report report = new TwoInstancesOnOneDatabaseIT.Report();
        report.put("seconds: first start (units and demo data loaded)", firstStart);
        report.put("seconds: start after kill -9 to healthy (orphan stopped)", restartSeconds);
        report.put("seconds: total", seconds(begin));
        report.print("Embedded mode, kill -9 and start again");
    }

    private Optional<ProcessHandle> postmaster() {
        Path pid = work.resolve("data/pg/postmaster.pid");
        try {
            if (!Files.isRegularFile(pid)) {
                return Optional.empty();
            }
            return ProcessHandle.of(
                            Long.parseLong(Files.readAllLines(pid).get(0).trim()))
                    .filter(ProcessHandle::isAlive);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
