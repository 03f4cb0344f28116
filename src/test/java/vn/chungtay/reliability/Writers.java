package vn.chungtay.reliability;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The concurrent writers: each thread posts gifts (some earmarked to a need), and now and then an
 * allocation from a campaign's pool and a delivery for a need, through the HTTP API of one of the
 * instances with its own personal access token. A gift whose answer never came (the instance was
 * killed, the connection broke) is looked for on the other instance by its unique key and posted
 * again only when it is not there — what a careful client does without idempotency keys.
 * Allocations and deliveries whose answer never came are not repeated; the checks count them as
 * "outcome unknown" and require them at most once.
 */
final class Writers {

    /** A writer's user: its tokens, the campaigns it receives for, the needs and commune it allocates to. */
    record Target(String username, String communeCode, List<Long> campaigns, List<Long> needs, List<String> tokens) {}

    /** A gift a writer was told was recorded (201), or found again after a broken answer. */
    record Gift(
            String key,
            long id,
            String receiptNumber,
            long campaignId,
            long amount,
            Long needId,
            String donorEmail,
            boolean recovered,
            String instance) {}

    /** An allocation or delivery whose outcome is known (201) or unknown (no answer). */
    record Posting(String key, String kind, long campaignId, Long needId, long amount, boolean acknowledged) {}

    /** A 4xx or 5xx answer that the workload did not expect. */
    record Unexpected(String what, int status, String body) {}

    static final class Instance {
        final AppInstance app;
        volatile boolean inRotation = true;
        volatile long downUntil;
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger acknowledgedAfterRestart = new AtomicInteger();
        volatile boolean restarted;

        Instance(AppInstance app) {
            this.app = app;
        }

        boolean usable() {
            return inRotation && System.currentTimeMillis() >= downUntil;
        }

        void markDown() {
            downUntil = System.currentTimeMillis() + 2_000;
        }

        void acknowledged() {
            acknowledged.incrementAndGet();
            if (restarted) {
                acknowledgedAfterRestart.incrementAndGet();
            }
        }
    }

    private static final String[] SURNAMES = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"
    };
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Quang", "Thu", "Hồng"
    };
    private static final String[] GIVEN = {
        "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan",
                "Linh",
        "Long", "Mai", "Nam", "Phúc", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Việt", "Xuân", "Yến",
                "Oanh"
    };
    static final int DONORS = SURNAMES.length * MIDDLE.length * GIVEN.length;
    static final String DONOR_DOMAIN = "ung-ho.example";

    private final List<Instance> instances;
    private final List<Target> targets;
    private final int writers;
    private final int gifts;
    private final LocalDate day;
    private final AtomicInteger next = new AtomicInteger();

    final Queue<Gift> acknowledged = new ConcurrentLinkedQueue<>();
    final Queue<Posting> postings = new ConcurrentLinkedQueue<>();
    final Queue<Unexpected> unexpected = new ConcurrentLinkedQueue<>();
    final Map<String, Boolean> unresolvedGifts = new ConcurrentHashMap<>();
    final AtomicInteger brokenAnswers = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger giftRetries = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicLong giftNanos = new AtomicLong();

    Writers(List<Instance> instances, List<Target> targets, int writers, int gifts, LocalDate day) {
        this.instances = instances;
        this.targets = targets;
        this.writers = writers;
        this.gifts = gifts;
        this.day = day;
    }

    /** How many gifts the writers have taken so far (the kill is timed on it). */
    int started() {
        return Math.min(next.get(), gifts);
    }

    /** Runs all writers to the end. */
    void run() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(writers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(
                    () -> {
                        try {
                            write(writer);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            unexpected.add(new Unexpected("writer " + writer + " crashed", 0, String.valueOf(e)));
                        } finally {
                            done.countDown();
                        }
                    },
                    "writer-" + w);
            thread.start();
            threads.add(thread);
        }
        done.await();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    static String donorName(int donor) {
        return SURNAMES[donor % SURNAMES.length] + " " + MIDDLE[(donor / SURNAMES.length) % MIDDLE.length] + " "
                + GIVEN[(donor / (SURNAMES.length * MIDDLE.length)) % GIVEN.length];
    }

    static String donorEmail(int donor) {
        return "nha.hao.tam." + donor + "@" + DONOR_DOMAIN;
    }

    private void write(int writer) throws InterruptedException {
        Target target = targets.get(writer % targets.size());
        String token = Http.bearer(target.tokens().get(writer / targets.size()));
        SplittableRandom random = new SplittableRandom(writer * 7919L + 17);
        int g;
        while ((g = next.getAndIncrement()) < gifts) {
            long campaign = target.campaigns().get(g % target.campaigns().size());
            String key = "k" + writer + "n" + g + "z";
            int donor = random.nextInt(DONORS);
            Long need = !target.needs().isEmpty() && random.nextInt(10) < 3
                    ? target.needs().get(random.nextInt(target.needs().size()))
                    : null;
            long amount = (50 + random.nextInt(1950)) * 1_000L;
            Map<String, Object> donorJson = new LinkedHashMap<>();
            donorJson.put("name", donorName(donor));
            donorJson.put("kind", "INDIVIDUAL");
            donorJson.put("domestic", true);
            String email = donor % 4 == 0 ? donorEmail(donor) : null; // one donor in four gives an address
            if (email != null) {
                donorJson.put("email", email);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("campaignId", campaign);
            body.put("donor", donorJson);
            body.put("channel", random.nextBoolean() ? "CASH" : "BANK_TRANSFER");
            body.put("amount", amount);
            body.put("receivedOn", day.toString());
            if (need != null) {
                body.put("needId", need);
            }
            body.put("message", "Ủng hộ " + key);
            gift(writer, g, token, key, campaign, amount, need, email, body);
            if (g % 8 == 0) {
                allocate(writer, g, token, target, campaign, random);
            }
            if (g % 16 == 4 && !target.needs().isEmpty()) {
                deliver(writer, g, token, target, campaign, random);
            }
        }
    }

    private void gift(
            int writer,
            int g,
            String token,
            String key,
            long campaign,
            long amount,
            Long need,
            String email,
            Map<String, Object> body)
            throws InterruptedException {
        for (int attempt = 1; attempt <= 30; attempt++) {
            Instance instance = pick(writer + g + attempt - 1);
            long started = System.nanoTime();
            try {
                Http.Answer answer = Http.post(instance.app.baseUrl() + "/api/v1/donations", token, body);
                if (answer.status() == 201) {
                    giftNanos.addAndGet(System.nanoTime() - started);
                    JsonNode json = answer.json();
                    acknowledged.add(new Gift(
                            key,
                            json.get("id").asLong(),
                            json.get("receiptNumber").asString(),
                            campaign,
                            amount,
                            need,
                            email,
                            false,
                            instance.app.name()));
                    instance.acknowledged();
                    return;
                }
                if (answer.status() < 500) {
                    unexpected.add(new Unexpected("gift " + key, answer.status(), answer.body()));
                    return;
                }
                serverErrors.incrementAndGet();
                unexpected.add(new Unexpected("gift " + key, answer.status(), answer.body()));
            } catch (IOException e) {
                brokenAnswers.incrementAndGet();
                instance.markDown();
            }
            // the answer never came: was the gift written? Ask again (another instance when one is down)
            giftRetries.incrementAndGet();
            Thread.sleep(Math.min(500L * attempt, 3_000));
            Optional<Gift> found = find(writer + g + attempt, token, key, campaign, amount, need, email);
            if (found.isPresent()) {
                acknowledged.add(found.get());
                return;
            }
        }
        unresolvedGifts.put(key, true);
    }

    /** The gift with the key, searched through the API of a usable instance; empty when not written. */
    private Optional<Gift> find(int spin, String token, String key, long campaign, long amount, Long need, String email)
            throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Instance instance = pick(spin + attempt);
            try {
                Http.Answer answer = Http.get(
                        instance.app.baseUrl() + "/api/v1/donations?campaign=" + campaign + "&q=" + key + "&size=10",
                        token);
                if (answer.status() != 200) {
                    if (answer.status() >= 500) {
                        serverErrors.incrementAndGet();
                    }
                    unexpected.add(new Unexpected("search " + key, answer.status(), answer.body()));
                    Thread.sleep(500);
                    continue;
                }
                List<Gift> matches = new ArrayList<>();
                for (JsonNode row : answer.json().get("content")) {
                    if (("Ủng hộ " + key).equals(row.get("message").asString())) {
                        matches.add(new Gift(
                                key,
                                row.get("id").asLong(),
                                row.get("receiptNumber").asString(),
                                campaign,
                                amount,
                                need,
                                email,
                                true,
                                instance.app.name()));
                    }
                }
                if (matches.size() > 1) {
                    unexpected.add(new Unexpected("gift " + key + " found " + matches.size() + " times", 0, ""));
                }
                return matches.stream().findFirst();
            } catch (IOException e) {
                instance.markDown();
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("no instance answered the search for " + key);
    }

    private void allocate(int writer, int g, String token, Target target, long campaign, SplittableRandom random)
            throws InterruptedException {
        String key = "a" + writer + "n" + g + "z";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignId", campaign);
        Long need = null;
        if (target.needs().isEmpty()) {
            body.put("communeCode", target.communeCode());
            body.put("categoryCode", "HOC_TAP");
        } else {
            need = target.needs().get(random.nextInt(target.needs().size()));
            body.put("needId", need);
        }
        body.put("amount", 50_000);
        body.put("date", day.toString());
        body.put("note", "Phân bổ " + key);
        post(writer + g, token, "/api/v1/allocations", body, key, "ALLOCATION", campaign, need, 50_000);
    }

    private void deliver(int writer, int g, String token, Target target, long campaign, SplittableRandom random)
            throws InterruptedException {
        String key = "d" + writer + "n" + g + "z";
        long need = target.needs().get(random.nextInt(target.needs().size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("needId", need);
        body.put("campaignId", campaign);
        body.put("date", day.toString());
        body.put("amount", "20000");
        body.put("childrenCount", "1");
        body.put("handedOverBy", "Cán bộ kiểm thử");
        body.put("note", "Trao " + key);
        post(writer + g, token, "/api/v1/deliveries", body, key, "DELIVERY", campaign, need, 20_000);
    }

    private void post(
            int spin,
            String token,
            String path,
            Map<String, Object> body,
            String key,
            String kind,
            long campaign,
            Long need,
            long amount)
            throws InterruptedException {
        Instance instance = pick(spin);
        try {
            Http.Answer answer = Http.post(instance.app.baseUrl() + path, token, body);
            if (answer.status() == 201) {
                postings.add(new Posting(key, kind, campaign, need, amount, true));
                instance.acknowledged();
            } else if (answer.status() == 422
                    || (answer.status() == 400
                            && kind.equals("DELIVERY")
                            && answer.body().contains("campaignId"))) {
                // more than the pool or the need's allocation holds, or nothing allocated from that
                // campaign to the need yet: refused whole, nothing written
                refused.incrementAndGet();
            } else {
                if (answer.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
                unexpected.add(new Unexpected(kind + " " + key, answer.status(), answer.body()));
            }
        } catch (IOException e) {
            brokenAnswers.incrementAndGet();
            instance.markDown();
            postings.add(new Posting(key, kind, campaign, need, amount, false));
        }
    }

    /** The instance for a request: round robin over those in rotation and not just failed; waits when none is. */
    private Instance pick(int spin) throws InterruptedException {
        for (int waited = 0; waited < 600; waited++) {
            List<Instance> usable = instances.stream().filter(Instance::usable).toList();
            if (!usable.isEmpty()) {
                return usable.get(Math.floorMod(spin, usable.size()));
            }
            Thread.sleep(100);
        }
        return instances.get(Math.floorMod(spin, instances.size()));
    }

    List<Unexpected> unexpectedSample(int max) {
        List<Unexpected> all = new ArrayList<>(unexpected);
        return Collections.unmodifiableList(all.subList(0, Math.min(max, all.size())));
    }
}
