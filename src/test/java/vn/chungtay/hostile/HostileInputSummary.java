package vn.chungtay.hostile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the hostile inputs each suite tried and prints a line per suite, and a total when the test
 * JVM ends ({@code HOSTILE-INPUTS <suite> <n>}, {@code HOSTILE-INPUTS TOTAL <n>}), so the totals can
 * be read from the build log.
 */
public final class HostileInputSummary {

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentSkipListMap<>();
    private static final Map<String, Boolean> PRINTED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(HostileInputSummary::printTotal));
    }

    private HostileInputSummary() {}

    /** Records that a suite tried one more hostile input. */
    public static void tried(String suite) {
        tried(suite, 1);
    }

    /** Records that a suite tried {@code n} more hostile inputs. */
    public static void tried(String suite, long n) {
        COUNTS.computeIfAbsent(suite, s -> new AtomicLong()).addAndGet(n);
    }

    /** How many inputs a suite tried so far. */
    public static long count(String suite) {
        AtomicLong count = COUNTS.get(suite);
        return count == null ? 0 : count.get();
    }

    /** Prints the suite's line (call from an {@code @AfterAll}/{@code @AfterContainer}). */
    public static void print(String suite) {
        System.out.println("HOSTILE-INPUTS " + suite + " " + count(suite));
        PRINTED.put(suite, true);
    }

    private static void printTotal() {
        long total = 0;
        for (Map.Entry<String, AtomicLong> entry : COUNTS.entrySet()) {
            if (!PRINTED.containsKey(entry.getKey())) {
                System.out.println("HOSTILE-INPUTS " + entry.getKey() + " "
                        + entry.getValue().get());
            }
            total += entry.getValue().get();
        }
        System.out.println("HOSTILE-INPUTS TOTAL " + total);
    }
}
