package vn.chungtay.publicportal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Rendered anonymous public pages, kept per address, language and htmx flag until a change they
 * show commits (see {@link PublicPageInvalidation}) or the time to live passes.
 *
 * <p>Each page depends on tags ({@code needs}, {@code ledger}, {@code ledger:<campaign>}, …; every
 * page also on {@code all}). A logical clock counts the changes: a change stamps its tags with the
 * clock's next value, and a page stamped with the clock value read before it was rendered is good
 * while none of its tags carries a later stamp. A change committed while a page is being rendered
 * therefore always makes that page stale, whatever the rendering read.
 *
 * <p>Requests for the same page while it is being rendered wait for that rendering instead of
 * rendering it again, as long as no change has been stamped since it began. The pages held are
 * limited in bytes; the least recently used go first.
 */
@Component
public class PublicPageCache {

    /** Bodies shorter than this are sent uncompressed (server.compression.min-response-size). */
    static final int MIN_GZIP = 1024;

    /** A rendered page: the body, its headers and validator, and when it was rendered. */
    static final class Page {
        final byte[] body;
        final String contentType;
        final String contentLanguage;
        final String cacheControl;
        final String etag;
        final Set<String> tags;
        final long clock;
        final long renderedAt;
        /** The body compressed (null when too short to be worth it, as Tomcat's own compression). */
        final byte[] gzipped;

        Page(
                byte[] body,
                String contentType,
                String contentLanguage,
                String cacheControl,
                Set<String> tags,
                long clock,
                long renderedAt) {
            this.body = body;
            this.contentType = contentType;
            this.contentLanguage = contentLanguage;
            this.cacheControl = cacheControl;
            this.tags = Set.copyOf(tags);
            this.clock = clock;
            this.renderedAt = renderedAt;
            this.etag = etagOf(body);
            this.gzipped = body.length >= MIN_GZIP ? gzip(body) : null;
        }

        long weight() {
            return 512L + body.length + (gzipped == null ? 0 : gzipped.length);
        }

        private static byte[] gzip(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private static String etagOf(byte[] body) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
                return "W/\""
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(hash)
                                .substring(0, 22) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A rendering under way: when it began (the clock) and its page, or null when it was not kept. */
    record Rendering(long clock, CompletableFuture<Page> page) {}

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong renders = new AtomicLong();
    private final Map<String, Long> stamps = new ConcurrentHashMap<>();
    private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
    private final long maxBytes;
    private final long ttlNanos;
    private volatile boolean enabled;
    private long bytes;

    PublicPageCache(
            @Value("${chungtay.public-cache.enabled:true}") boolean enabled,
            @Value("${chungtay.public-cache.ttl:60s}") Duration ttl,
            @Value("${chungtay.public-cache.max-size:32MB}") DataSize maxSize) {
        this.enabled = enabled;
        this.ttlNanos = ttl.toNanos();
        this.maxBytes = maxSize.toBytes();
    }

    /** Whether pages are kept at all (when not, every request renders; sessions are still not created). */
    public boolean enabled() {
        return enabled;
    }

    /** Turns keeping pages on or off at run time (tests compare both paths); off also drops what is kept. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            clear();
        }
    }

    /** Drops every kept page. */
    public synchronized void clear() {
        pages.clear();
        bytes = 0;
    }

    /** Marks every page depending on one of the tags stale (a change to what they show has committed). */
    public void changed(Collection<String> tags) {
        long now = clock.incrementAndGet();
        for (String tag : tags) {
            stamps.put(tag, now);
        }
    }

    /** How many pages are kept now, and their weight in bytes. */
    public synchronized String size() {
        return pages.size() + " pages, " + bytes + " bytes";
    }

    /** Requests answered with a kept page (or 304), since the start. */
    public long hits() {
        return hits.get();
    }

    /** Renderings of pages that could be kept (misses), since the start. */
    public long renders() {
        return renders.get();
    }

    void hit() {
        hits.incrementAndGet();
    }

    void rendered() {
        renders.incrementAndGet();
    }

    long now() {
        return clock.get();
    }

    /** The kept page for the key if it is still good. */
    Page fresh(String key) {
        Page page;
        synchronized (this) {
            page = pages.get(key);
        }
        return page != null && good(page) ? page : null;
    }

    boolean good(Page page) {
        if (System.nanoTime() - page.renderedAt > ttlNanos) {
            return false;
        }
        if (stamps.getOrDefault("all", 0L) > page.clock) {
            return false;
        }
        for (String tag : page.tags) {
            if (stamps.getOrDefault(tag, 0L) > page.clock) {
                return false;
            }
        }
        return true;
    }

    /**
     * A rendering of the key that began after the last change, to wait for; else null, and the
     * caller's own rendering (begun at {@code mine}) is registered for others to wait for.
     */
    Rendering joinOrBegin(String key, Rendering mine) {
        Rendering[] joined = {null};
        renderings.compute(key, (k, current) -> {
            if (current != null
                    && current.clock() == clock.get()
                    && !current.page().isDone()) {
                joined[0] = current;
                return current;
            }
            return mine;
        });
        return joined[0];
    }

    /** Ends the caller's rendering: keeps the page (null: not kept) and hands it to whoever waits. */
    void finish(String key, Rendering mine, Page page) {
        if (page != null && enabled) {
            put(key, page);
        }
        renderings.remove(key, mine);
        mine.page().complete(page);
    }

    private synchronized void put(String key, Page page) {
        Page old = pages.put(key, page);
        if (old != null) {
            bytes -= old.weight();
        }
        bytes += page.weight();
        var eldest = pages.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Page gone = eldest.next().getValue();
            bytes -= gone.weight();
            eldest.remove();
        }
    }
}
