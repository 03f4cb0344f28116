package vn.chungtay.publicportal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.chungtay.publicportal.internal.PublicPageCache.Page;
import vn.chungtay.publicportal.internal.PublicPageCache.Rendering;

/** The clock, the tags, waiting for a rendering and the size limit of the kept pages. */
class PublicPageCacheTests {

    private final PublicPageCache cache = new PublicPageCache(true, Duration.ofMinutes(1), DataSize.ofMegabytes(1));

    private static Page page(String text, long clock, String... tags) {
        return new Page(
                text.getBytes(StandardCharsets.UTF_8),
                "text/html;charset=UTF-8",
                "vi",
                "no-cache",
                Set.of(tags),
                clock,
                System.nanoTime());
    }

    private void render(String key, String text, String... tags) {
        Rendering mine = new Rendering(cache.now(), new CompletableFuture<>());
        assertThat(cache.joinOrBegin(key, mine)).isNull();
        cache.finish(key, mine, page(text, mine.clock(), tags));
    }

    @Test
    void aPageIsKeptUntilOneOfItsTagsChanges() {
        render("/public/ledger?campaign=1|vi", "one", "ledger", "ledger:1");
        cache.changed(List.of("ledger:2", "needs"));
        assertThat(cache.fresh("/public/ledger?campaign=1|vi")).isNotNull();
        cache.changed(List.of("ledger:1"));
        assertThat(cache.fresh("/public/ledger?campaign=1|vi")).isNull();
    }

    @Test
    void everyPageDependsOnAll() {
        render("/public/needs?|vi", "needs", "needs");
        cache.changed(List.of("all"));
        assertThat(cache.fresh("/public/needs?|vi")).isNull();
    }

    @Test
    void aChangeDuringTheRenderingMakesTheRenderedPageStale() {
        Rendering mine = new Rendering(cache.now(), new CompletableFuture<>());
        cache.joinOrBegin("/public/needs?|vi", mine);
        cache.changed(List.of("needs"));
        cache.finish("/public/needs?|vi", mine, page("old", mine.clock(), "needs"));
        assertThat(cache.fresh("/public/needs?|vi")).isNull();
        render("/public/needs?|vi", "new", "needs");
        assertThat(new String(cache.fresh("/public/needs?|vi").body, StandardCharsets.UTF_8))
                .isEqualTo("new");
    }

    @Test
    void aSecondRequestWaitsForTheRenderingUnderWayUnlessSomethingChangedSince() throws Exception {
        Rendering first = new Rendering(cache.now(), new CompletableFuture<>());
        assertThat(cache.joinOrBegin("k", first)).isNull();
        Rendering second = new Rendering(cache.now(), new CompletableFuture<>());
        assertThat(cache.joinOrBegin("k", second)).isSameAs(first);

        cache.changed(List.of("needs"));
        Rendering third = new Rendering(cache.now(), new CompletableFuture<>());
        assertThat(cache.joinOrBegin("k", third))
                .as("the first began before the change")
                .isNull();
        cache.finish("k", first, page("first", first.clock(), "needs"));
        assertThat(first.page().get()).isNotNull();
        assertThat(cache.good(first.page().get())).isFalse();
        cache.finish("k", third, page("third", third.clock(), "needs"));
        assertThat(new String(cache.fresh("k").body, StandardCharsets.UTF_8)).isEqualTo("third");
    }

    @Test
    void theLeastRecentlyUsedPagesGoWhenTheLimitIsReached() {
        PublicPageCache small = new PublicPageCache(true, Duration.ofMinutes(1), DataSize.ofKilobytes(3));
        for (String key : List.of("a", "b", "c")) {
            Rendering r = new Rendering(small.now(), new CompletableFuture<>());
            small.joinOrBegin(key, r);
            small.finish(key, r, page("x".repeat(700), r.clock(), "needs"));
            if (key.equals("b")) {
                assertThat(small.fresh("a")).isNotNull(); // a used after b
            }
        }
        assertThat(small.fresh("b")).as("least recently used").isNull();
        assertThat(small.fresh("a")).isNotNull();
        assertThat(small.fresh("c")).isNotNull();
    }

    @Test
    void pagesExpireAfterTheTimeToLive() {
        PublicPageCache shortLived = new PublicPageCache(true, Duration.ZERO, DataSize.ofMegabytes(1));
        Rendering r = new Rendering(shortLived.now(), new CompletableFuture<>());
        shortLived.joinOrBegin("k", r);
        shortLived.finish("k", r, page("x", r.clock(), "needs"));
        assertThat(shortLived.fresh("k")).isNull();
    }

    @Test
    void longBodiesAreKeptCompressedToo() {
        Page longPage = page("Nhu cầu công khai ".repeat(200), 0, "needs");
        Page shortPage = page("ngắn", 0, "needs");
        assertThat(longPage.gzipped).isNotNull().hasSizeLessThan(longPage.body.length / 5);
        assertThat(shortPage.gzipped).isNull();
        assertThat(longPage.etag).startsWith("W/\"").isNotEqualTo(shortPage.etag);
    }

    @Test
    void etagsMatchWeaklyAndInLists() {
        assertThat(PublicPageCacheFilter.matches("W/\"abc\"", "W/\"abc\"")).isTrue();
        assertThat(PublicPageCacheFilter.matches("\"abc\"", "W/\"abc\"")).isTrue();
        assertThat(PublicPageCacheFilter.matches("\"x\", W/\"abc\"", "W/\"abc\""))
                .isTrue();
        assertThat(PublicPageCacheFilter.matches("*", "W/\"abc\"")).isTrue();
        assertThat(PublicPageCacheFilter.matches("W/\"abd\"", "W/\"abc\"")).isFalse();
    }

    @Test
    void onlyThePublicReadPagesAreKept() {
        assertThat(PublicPageCacheFilter.tagsOf("/public/needs", null)).containsExactly("needs");
        assertThat(PublicPageCacheFilter.tagsOf("/public/communes/24640", null)).containsExactly("needs");
        assertThat(PublicPageCacheFilter.tagsOf("/public/ledger", "7714"))
                .containsExactlyInAnyOrder("ledger", "ledger:7714");
        assertThat(PublicPageCacheFilter.tagsOf("/public/ledger", "CT7714"))
                .containsExactlyInAnyOrder("ledger", "ledger-posting");
        assertThat(PublicPageCacheFilter.tagsOf("/public/ledger.csv", "7714")).isNull();
        assertThat(PublicPageCacheFilter.tagsOf("/public/subscriptions/new", null))
                .isNull();
        assertThat(PublicPageCacheFilter.tagsOf("/public/donors/signup", null)).isNull();
        assertThat(PublicPageCacheFilter.tagsOf("/needs", null)).isNull();
    }

    @Test
    void aChangeTouchesThePagesThatShowItsModule() {
        var posting = new vn.chungtay.ledger.LedgerEntryPosted(
                new vn.chungtay.ledger.LedgerEntryId(5),
                new vn.chungtay.campaign.CampaignId(7714),
                vn.chungtay.ledger.EntryKind.RECEIPT,
                java.time.LocalDate.of(2026, 1, 2),
                100_000,
                "24640",
                null,
                9L,
                null);
        assertThat(PublicPageInvalidation.touched(posting)).containsExactlyInAnyOrder("ledger:7714", "ledger-posting");
        assertThat(PublicPageInvalidation.touched(new vn.chungtay.need.NeedUpdated(
                        new vn.chungtay.need.NeedId(1), "24640", java.util.Map.of(), java.util.Map.of())))
                .containsExactly("needs");
        assertThat(PublicPageInvalidation.touched(new vn.chungtay.child.ChildChanged("READ", "1", "24640", null, null)))
                .isEmpty();
        assertThat(PublicPageInvalidation.touched(
                        new vn.chungtay.child.ChildChanged("WITHDRAW", "1", "24640", null, null)))
                .containsExactly("needs");
        assertThat(PublicPageInvalidation.touched(new vn.chungtay.campaign.CampaignCreated(
                        new vn.chungtay.campaign.CampaignId(1), "24640", java.util.Map.of())))
                .containsExactly("ledger");
        assertThat(PublicPageInvalidation.touched(new vn.chungtay.donation.DonationRecorded(
                        new vn.chungtay.donation.GiftId(1), 7714, "24640", 100_000, java.util.Map.of())))
                .isEmpty();
        assertThat(PublicPageInvalidation.touched(new vn.chungtay.organisation.UnitListImported(null)))
                .containsExactly("all");
    }
}
