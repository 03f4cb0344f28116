package vn.chungtay.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.chungtay.TestSmtp;

/**
 * Issue 8 §3 and issue 7 §4: two application instances — two JVMs started from the packaged jar —
 * on one PostgreSQL, 50 concurrent writers posting 10,000 gifts with allocations and deliveries
 * through the HTTP API of both, one instance killed with SIGKILL in the middle and started again,
 * the scheduled jobs (the mail outbox, report reminders, the ledger's chain check) running on both
 * all the time. Afterwards every acknowledged gift is there exactly once, nothing is half-written,
 * receipt numbers have no gap, every chain verifies (in the database, through both instances and
 * with the public verifier on the public CSV), and every e-mail arrived once.
 *
 * <p>Run with {@code ./mvnw -Preliability verify} (after {@code package}); sizes with
 * {@code -Dchungtay.reliability.writers=50 -Dchungtay.reliability.gifts=10000}.
 */
class TwoInstancesOnOneDatabaseIT {

    private static final int WRITERS = Integer.getInteger("chungtay.reliability.writers", 50);
    private static final int GIFTS = Integer.getInteger("chungtay.reliability.gifts", 10_000);
    /** When the kill comes: after this share of the gifts was taken. */
    private static final double KILL_AT = 0.3;

    private static final int DATABASE_PORT = Integer.getInteger("chungtay.reliability.db-port", 5202);
    private static final int PORT_A = Integer.getInteger("chungtay.reliability.port-a", 4202);
    private static final int PORT_B = Integer.getInteger("chungtay.reliability.port-b", 4203);
    private static final String PASSWORD = "demo12345";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP).withPerMethodLifecycle(false);

    @TempDir
    static Path temp;

    private static EmbeddedPostgres postgres;
    private static final List<AppInstance> started = new ArrayList<>();

    @AfterAll
    static void stopEverything() throws Exception {
        for (AppInstance instance : started) {
            instance.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoInstancesKeepEveryAcknowledgedGiftOnceThroughAKillAndSendEveryMailOnce() throws Exception {
        long begin = System.nanoTime();
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createDirectories(temp.resolve("pg")))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                .setPort(DATABASE_PORT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database chungtay template template0 encoding 'UTF8'");
        }
        DataSource database = postgres.getDatabase("postgres", "chungtay");
        JdbcClient sql = JdbcClient.create(database);

        AppInstance a = instance("instance-a", PORT_A);
        AppInstance b = instance("instance-b", PORT_B);
        // both start at once on the empty database: migrations, reference data and demo data must not collide
        a.start();
        b.start();
        a.awaitHealthy(Duration.ofMinutes(4));
        b.awaitHealthy(Duration.ofMinutes(4));
        double startSeconds = seconds(begin);

        LocalDate today = sql.sql("select current_date").query(LocalDate.class).single();
        LocalDate day = today.minusDays(1);
        Setup setup = setUp(a.baseUrl(), b.baseUrl(), today);

        List<Writers.Instance> rotation = List.of(new Writers.Instance(a), new Writers.Instance(b));
        Writers writers = new Writers(rotation, setup.targets(), WRITERS, GIFTS, day);
        Writers.Instance victim = rotation.get(1);
        double[] killedAt = new double[3];
        Thread killer = new Thread(
                () -> {
                    try {
                        while (writers.started() < GIFTS * KILL_AT) {
                            Thread.sleep(20);
                        }
                        killedAt[2] = victim.app.cpuSeconds();
                        victim.app.kill(); // SIGKILL with requests in flight
                        victim.inRotation = false; // the load balancer's health check takes it out
                        long killed = System.nanoTime();
                        killedAt[0] = writers.started();
                        victim.restarted = true;
                        victim.app.start();
                        victim.app.awaitHealthy(Duration.ofMinutes(4));
                        victim.inRotation = true;
                        killedAt[1] = seconds(killed);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "killer");
        double[] cpu = {a.cpuSeconds(), b.cpuSeconds(), postgresCpuSeconds(), testCpuSeconds()};
        long load = System.nanoTime();
        killer.start();
        writers.run();
        double loadSeconds = seconds(load);
        double cpuA = a.cpuSeconds() - cpu[0];
        double cpuB = killedAt[2] - cpu[1] + b.cpuSeconds();
        double cpuPostgres = postgresCpuSeconds() - cpu[2];
        double cpuTest = testCpuSeconds() - cpu[3];
        killer.join(TimeUnit.MINUTES.toMillis(5));
        assertThat(b.alive()).as("the killed instance runs again").isTrue();
        assertThat(b.healthy()).isTrue();

        // every mail leaves the outbox (both instances send it) and arrives in GreenMail
        long pendingAfterWriters = sql.sql("select count(*) from mail_outbox where status = 'PENDING'")
                .query(Long.class)
                .single();
        long drain = System.nanoTime();
        awaitOutboxSent(sql, Duration.ofMinutes(3));
        Thread.sleep(3_000); // a late duplicate would arrive now
        double drainSeconds = seconds(drain);

        Report report = new Report();
        report.put("writers", WRITERS);
        report.put("gifts asked", GIFTS);

        // ---- the gifts the writers were told about, exactly once each -------------------------
        List<Writers.Gift> acknowledged = new ArrayList<>(writers.acknowledged);
        Map<String, List<Map<String, Object>>> stored = new HashMap<>();
        sql.sql("select id, message, receipt_number, receipt_year, receiving_unit_code, amount_dong from donation"
                        + " where campaign_id in (:campaigns)")
                .param("campaigns", setup.campaigns())
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", rs.getLong(1));
                    row.put("number", rs.getInt(3) + "/" + rs.getInt(4) + "/BN-" + rs.getString(5));
                    row.put("amount", rs.getLong(6));
                    stored.computeIfAbsent(rs.getString(2).replace("Ủng hộ ", ""), k -> new ArrayList<>())
                            .add(row);
                    return row;
                })
                .list();
        List<String> lost = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (Writers.Gift gift : acknowledged) {
            List<Map<String, Object>> rows = stored.getOrDefault(gift.key(), List.of());
            if (rows.isEmpty()) {
                lost.add(gift.key());
            } else if (rows.size() > 1) {
                twice.add(gift.key());
            } else if ((long) rows.get(0).get("id") != gift.id()
                    || !rows.get(0).get("number").equals(gift.receiptNumber())
                    || (long) rows.get(0).get("amount") != gift.amount()) {
                different.add(gift.key() + " " + rows.get(0) + " vs " + gift);
            }
        }
        long foundOnce = acknowledged.stream()
                .filter(g -> stored.getOrDefault(g.key(), List.of()).size() == 1)
                .count();
        int storedRows = stored.values().stream().mapToInt(List::size).sum();
        report.put(
                "gifts acknowledged (201)",
                acknowledged.stream().filter(g -> !g.recovered()).count());
        report.put(
                "gifts found again after a broken answer",
                acknowledged.stream().filter(Writers.Gift::recovered).count());
        report.put("gifts found in the database", storedRows);
        report.put("broken answers (instance killed)", writers.brokenAnswers.get());
        report.put("gift retries", writers.giftRetries.get());

        // ---- allocations and deliveries: acknowledged once, unknown at most once ------------------
        Map<String, Long> postedEntries = new HashMap<>();
        sql.sql("select public_message, count(*) from ledger_entry where campaign_id in (:campaigns)"
                        + " and kind = 'ALLOCATION' and public_message like 'Phân bổ %' group by public_message")
                .param("campaigns", setup.campaigns())
                .query((rs, n) -> postedEntries.put(rs.getString(1).replace("Phân bổ ", ""), rs.getLong(2)))
                .list();
        sql.sql("select note, count(*) from delivery where campaign_id in (:campaigns) and note like 'Trao %'"
                        + " group by note")
                .param("campaigns", setup.campaigns())
                .query((rs, n) -> postedEntries.put(rs.getString(1).replace("Trao ", ""), rs.getLong(2)))
                .list();
        List<String> postingProblems = new ArrayList<>();
        for (Writers.Posting posting : writers.postings) {
            long count = postedEntries.getOrDefault(posting.key(), 0L);
            if (posting.acknowledged() ? count != 1 : count > 1) {
                postingProblems.add(posting + " stored " + count + " times");
            }
        }
        long acknowledgedKeys =
                writers.postings.stream().filter(Writers.Posting::acknowledged).count();
        long unknownStored = writers.postings.stream()
                .filter(p -> !p.acknowledged())
                .filter(p -> postedEntries.containsKey(p.key()))
                .count();
        if (postedEntries.size() != acknowledgedKeys + unknownStored) {
            postingProblems.add("stored " + postedEntries.size() + " allocations and deliveries, told "
                    + acknowledgedKeys + " and unknown-but-stored " + unknownStored);
        }
        report.put("allocations acknowledged", count(writers, "ALLOCATION", true));
        report.put("deliveries acknowledged", count(writers, "DELIVERY", true));
        report.put("allocations/deliveries without answer (kill)", count(writers, null, false));
        report.put("refused by the ledger (422, pool or allocation too small)", writers.refused.get());
        report.put(
                "ledger entries of the run",
                sql.sql("select count(*) from ledger_entry where campaign_id in (:campaigns)")
                        .param("campaigns", setup.campaigns())
                        .query(Long.class)
                        .single());

        // ---- invariants in SQL -----------------------------------------------------------------
        LedgerInvariants invariants = new LedgerInvariants(sql, setup.campaigns()).checkAll();

        // ---- the chains verified by the application (both instances) and by the public verifier --
        List<String> chainProblems = new ArrayList<>();
        String auth = Http.basic("tinh.lamdong", PASSWORD);
        for (long campaign : setup.campaigns()) {
            for (AppInstance instance : List.of(a, b)) {
                JsonNode check = Http.expectOk(
                        Http.get(instance.baseUrl() + "/api/v1/ledger/campaigns/" + campaign + "/verification", auth),
                        "verification of " + campaign);
                if (!check.get("firstBrokenSequence").isNull()) {
                    chainProblems.add(instance.name() + " " + check);
                }
            }
            String verifier = publicVerifier(b.baseUrl(), campaign);
            if (!verifier.startsWith("OK")) {
                chainProblems.add("verify-ledger " + campaign + ": " + verifier);
            }
            long received = Http.expectOk(
                            Http.get(a.baseUrl() + "/api/v1/ledger/campaigns/" + campaign, auth),
                            "totals of " + campaign)
                    .get("received")
                    .asLong();
            long gifts = sql.sql("select coalesce(sum(amount_dong), 0) from donation where campaign_id = ?")
                    .param(campaign)
                    .query(Long.class)
                    .single();
            if (received != gifts) {
                chainProblems.add("campaign " + campaign + " received " + received + " in the ledger, gifts " + gifts);
            }
        }

        // ---- e-mail: every outbox row sent and arrived exactly once ------------------------------
        Map<String, Long> arrived = new HashMap<>();
        List<String> foreign = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String id = message.getMessageID();
            if (id == null || !id.startsWith("<outbox.")) {
                foreign.add(String.valueOf(id));
            }
            arrived.merge(String.valueOf(id), 1L, Long::sum);
        }
        // GreenMail keeps one copy per recipient: every mail of the outbox has exactly one
        Map<Long, String> outbox = new LinkedHashMap<>();
        sql.sql("select id, created_at from mail_outbox order by id")
                .query((rs, n) -> outbox.put(
                        rs.getLong(1),
                        messageId(rs.getLong(1), rs.getTimestamp(2).toInstant())))
                .list();
        List<Long> missing = new ArrayList<>();
        List<Long> duplicated = new ArrayList<>();
        outbox.forEach((id, messageId) -> {
            long n = arrived.getOrDefault(messageId, 0L);
            if (n == 0) {
                missing.add(id);
            } else if (n > 1) {
                duplicated.add(id);
            }
        });
        long giftMails = sql.sql("select count(*) from mail_outbox where recipient like :domain")
                .param("domain", "%@" + Writers.DONOR_DOMAIN)
                .query(Long.class)
                .single();
        List<Long> reminderMails = sql.sql("select mail_id from report_reminder_sent where period_id = ?")
                .param(setup.periodId())
                .query(Long.class)
                .list();
        long reminderRows = sql.sql("select count(*) from report_reminder_sent where period_id = ?")
                .param(setup.periodId())
                .query(Long.class)
                .single();
        report.put("e-mails in the outbox", outbox.size());
        report.put("e-mails arrived", mail.getReceivedMessages().length);
        report.put("thank-you e-mails of the run's gifts", giftMails);
        report.put("report reminders (job on both instances every 2 s)", reminderMails.size());
        report.put("e-mails arrived twice", duplicated.size());
        report.put(
                "chain checks published heads",
                sql.sql("select count(*) from ledger_head").query(Long.class).single());
        report.put(
                "requests acknowledged by instance A",
                rotation.get(0).acknowledged.get());
        report.put(
                "requests acknowledged by instance B",
                rotation.get(1).acknowledged.get());
        report.put(
                "... by B after its restart",
                rotation.get(1).acknowledgedAfterRestart.get());
        report.put("kill after gifts taken", (long) killedAt[0]);
        report.put("seconds: both instances started", startSeconds);
        report.put("seconds: writers (gifts, allocations, deliveries)", loadSeconds);
        report.put("seconds: B from SIGKILL to healthy again", killedAt[1]);
        report.put("e-mails still in the outbox when the writers stopped", pendingAfterWriters);
        report.put("seconds: outbox drained after the writers", drainSeconds);
        report.put("gifts per second", GIFTS / loadSeconds);
        report.put("CPU seconds during the writers: instance A", cpuA);
        report.put("CPU seconds during the writers: instance B (with its restart)", cpuB);
        report.put("CPU seconds during the writers: PostgreSQL (live processes)", cpuPostgres);
        report.put("CPU seconds during the writers: test JVM (writers, GreenMail)", cpuTest);
        report.put(
                "load average at the end (other work on the machine)",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        report.put(
                "mean server answer of a gift, ms",
                writers.giftNanos.get()
                        / 1e6
                        / Math.max(
                                1,
                                acknowledged.stream()
                                        .filter(g -> !g.recovered())
                                        .count()));
        report.put("seconds: total", seconds(begin));
        report.print("Two instances on one PostgreSQL, kill -9 in the middle");

        assertThat(writers.unexpectedSample(20))
                .as("answers no writer expected")
                .isEmpty();
        assertThat(writers.serverErrors.get()).as("5xx answers").isZero();
        assertThat(writers.unresolvedGifts.keySet())
                .as("gifts never acknowledged")
                .isEmpty();
        assertThat(acknowledged).as("every gift acknowledged").hasSize(GIFTS);
        assertThat(lost).as("acknowledged gifts missing").isEmpty();
        assertThat(twice).as("acknowledged gifts stored twice").isEmpty();
        assertThat(different).as("acknowledged gifts stored differently").isEmpty();
        assertThat(foundOnce).isEqualTo(GIFTS);
        assertThat(storedRows).as("gifts stored that no writer was told about").isEqualTo(GIFTS);
        assertThat(postingProblems).as("allocations and deliveries").isEmpty();
        assertThat(invariants.broken).as("ledger invariants").isEmpty();
        assertThat(chainProblems)
                .as("chains verified by the instances and the public verifier")
                .isEmpty();
        assertThat(giftMails)
                .as("one thank-you mail per gift of a donor with an address")
                .isEqualTo(acknowledged.stream()
                        .filter(g -> g.donorEmail() != null)
                        .count());
        assertThat(reminderRows).as("report reminders of the period").isPositive();
        assertThat(reminderMails).as("each reminder written to the outbox").doesNotContainNull();
        assertThat(missing).as("outbox mails that never arrived").isEmpty();
        assertThat(foreign).as("mails not from the outbox").isEmpty();
        // a mail that SMTP accepted just before the SIGKILL, and whose SENT mark died with the
        // instance, is sent again (at least once); it carries the same Message-ID
        assertThat(duplicated.size())
                .as("mails that arrived twice (at most the one in flight at the kill)")
                .isLessThanOrEqualTo(1);
        assertThat(rotation.get(1).acknowledgedAfterRestart.get())
                .as("the restarted instance served writers")
                .isPositive();
    }

    private static long count(Writers writers, String kind, boolean acknowledged) {
        return writers.postings.stream()
                .filter(p -> kind == null || p.kind().equals(kind))
                .filter(p -> p.acknowledged() == acknowledged)
                .count();
    }

    // ---- the instances ---------------------------------------------------------------------------

    private static AppInstance instance(String name, int port) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + DATABASE_PORT + "/chungtay");
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        environment.put("CHUNGTAY_DEMO_DATA", "true");
        AppInstance instance = new AppInstance(
                name,
                port,
                temp.resolve(name),
                environment,
                List.of(
                        "--spring.mail.host=localhost",
                        "--spring.mail.port=" + TestSmtp.SETUP.getPort(),
                        "--chungtay.notification.outbox.initial-delay=1s",
                        "--chungtay.notification.outbox.interval=500ms",
                        "--chungtay.reporting.reminders.cron=*/2 * * * * *",
                        "--chungtay.ledger.daily-check.cron=*/5 * * * * *",
                        "--chungtay.backup.directory=" + temp.resolve(name).resolve("backups"),
                        "--logging.level.vn.chungtay=INFO"));
        started.add(instance);
        return instance;
    }

    // ---- the run's campaigns, needs, tokens and reporting period --------------------------------

    record Setup(List<Writers.Target> targets, List<Long> campaigns, long periodId) {}

    private static Setup setUp(String urlA, String urlB, LocalDate today) throws Exception {
        record Officer(String username, String communeCode, boolean needs) {}
        List<Officer> officers = List.of(
                new Officer("xa.cujut", "24640", true),
                new Officer("xa.namdong", "24649", true),
                new Officer("tinh.lamdong", "24646", false));
        List<Writers.Target> targets = new ArrayList<>();
        List<Long> campaigns = new ArrayList<>();
        int tokensEach = (WRITERS + officers.size() - 1) / officers.size();
        String province = Http.basic("tinh.lamdong", PASSWORD);
        for (Officer officer : officers) {
            String auth = Http.basic(officer.username(), PASSWORD);
            List<Long> own = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Map<String, Object> campaign = new LinkedHashMap<>();
                campaign.put("name", "Kiểm thử hai máy chủ " + i + " – " + officer.communeCode());
                campaign.put("unitCode", officer.communeCode());
                campaign.put("receivingFrom", today.minusDays(30).toString());
                campaign.put("receivingTo", today.plusDays(30).toString());
                campaign.put("targetDong", 5_000_000_000L);
                own.add(Http.expectOk(Http.post(urlA + "/api/v1/campaigns", auth, campaign), "campaign")
                        .get("id")
                        .asLong());
            }
            List<Long> needs = new ArrayList<>();
            if (officer.needs()) {
                for (int i = 1; i <= 4; i++) {
                    Map<String, Object> need = new LinkedHashMap<>();
                    need.put("target", "COMMUNE");
                    need.put("unitCode", officer.communeCode());
                    need.put("categoryCode", i % 2 == 0 ? "HOC_TAP" : "DINH_DUONG");
                    need.put("description", "Kiểm thử hai máy chủ: nhu cầu " + i);
                    need.put("quantity", "100000");
                    need.put("unit", "suất");
                    need.put("unitCost", "1000000");
                    need.put("year", Integer.toString(today.getYear()));
                    need.put("neededBy", today.plusDays(60).toString());
                    need.put("priority", "MEDIUM");
                    need.put("childrenServed", "100");
                    need.put("confirmDuplicate", true);
                    long id = Http.expectOk(Http.post(urlA + "/api/v1/needs", auth, need), "need")
                            .get("id")
                            .asLong();
                    Http.expectOk(Http.post(urlA + "/api/v1/needs/" + id + "/submit", auth, null), "submit");
                    Http.expectOk(Http.post(urlB + "/api/v1/needs/" + id + "/approve", province, null), "approve");
                    Http.expectOk(Http.post(urlA + "/api/v1/needs/" + id + "/publish", auth, null), "publish");
                    needs.add(id);
                }
            }
            // tokens made through the pages of instance B, used on both: a token is no session
            List<String> tokens = Http.createTokens(urlB, officer.username(), PASSWORD, tokensEach);
            targets.add(new Writers.Target(officer.username(), officer.communeCode(), own, needs, tokens));
            campaigns.addAll(own);
        }
        // a reporting period whose commune reports are due in three days: both instances' reminder
        // jobs find the same reminders every two seconds
        String admin = Http.basic("admin", PASSWORD);
        JsonNode templates = Http.expectOk(Http.get(urlA + "/api/v1/reporting/templates", admin), "templates");
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("programmeCode", templates.get(0).get("programmeCode").asString());
        period.put("code", "race" + (System.currentTimeMillis() % 100_000_000L));
        period.put("name", "Kiểm thử nhắc hạn");
        period.put("startsOn", today.minusDays(60).toString());
        period.put("endsOn", today.minusDays(1).toString());
        period.put("scopeCode", "68");
        period.put("communeDueOn", today.plusDays(3).toString());
        long periodId = Http.expectOk(Http.post(urlA + "/api/v1/reporting/periods", admin, period), "period")
                .get("id")
                .asLong();
        return new Setup(targets, campaigns, periodId);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void awaitOutboxSent(JdbcClient sql, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long open = sql.sql("select count(*) from mail_outbox where status <> 'SENT'")
                    .query(Long.class)
                    .single();
            if (open == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("mails still not sent: "
                + sql.sql("select status || ' ' || count(*) from mail_outbox group by status")
                        .query(String.class)
                        .list());
    }

    /** The Message-ID the outbox gives a row (MailOutbox.messageId with the default sender). */
    private static String messageId(long id, java.time.Instant createdAt) {
        return "<outbox." + id + "." + createdAt.toEpochMilli() + "@chungtay.vn>";
    }

    /** Downloads the public CSV and head of a campaign and runs {@code java -jar chungtay.jar verify-ledger} on them. */
    private static String publicVerifier(String baseUrl, long campaign) throws Exception {
        Http.Answer csv = Http.get(baseUrl + "/public/ledger.csv?campaign=" + campaign, null);
        JsonNode head = Http.expectOk(Http.get(baseUrl + "/public/ledger/head?campaign=" + campaign, null), "head");
        assertThat(csv.status()).isEqualTo(200);
        Path file = temp.resolve("ledger-" + campaign + ".csv");
        Files.writeString(file, csv.body(), StandardCharsets.UTF_8);
        Process verifier = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        AppInstance.jar().toString(),
                        "verify-ledger",
                        file.toString(),
                        head.get("headHash").asString())
                .redirectErrorStream(true)
                .start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        verifier.waitFor(60, TimeUnit.SECONDS);
        return verifier.exitValue() == 0 ? output : "exit " + verifier.exitValue() + ": " + output;
    }

    /** CPU time of the PostgreSQL server: the postmaster and its live backends. */
    private static double postgresCpuSeconds() {
        try {
            long pid = Long.parseLong(Files.readAllLines(temp.resolve("pg").resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            return ProcessHandle.of(pid)
                    .map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())
                            .mapToDouble(h -> h.info()
                                    .totalCpuDuration()
                                    .map(d -> d.toNanos() / 1e9)
                                    .orElse(0.0))
                            .sum())
                    .orElse(0.0);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double testCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The counts printed at the end (and written to target/reliability/). */
    static final class Report {
        private final Map<String, Object> values = new LinkedHashMap<>();

        void put(String what, Object value) {
            values.put(what, value);
        }

        void print(String title) throws Exception {
            Function<Object, String> format =
                    v -> v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.1f", d) : String.valueOf(v);
            String text = "== " + title + "\n"
                    + values.entrySet().stream()
                            .map(e -> String.format("%-60s %s", e.getKey(), format.apply(e.getValue())))
                            .collect(Collectors.joining("\n"));
            System.out.println(text);
            Files.writeString(
                    AppInstance.logDirectory().resolve(title.replaceAll("[^A-Za-z0-9]+", "-") + ".txt"),
                    text + "\n",
                    StandardCharsets.UTF_8);
        }
    }
}
