package vn.chungtay.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;
import vn.chungtay.need.PublicNeed;
import vn.chungtay.need.PublicNeedQuery;
import vn.chungtay.need.PublicNeeds;
import vn.chungtay.notification.internal.MailTemplates;
import vn.chungtay.notification.internal.Topics;
import vn.chungtay.shared.paging.Page;

/**
 * The weekly digest: for each confirmed subscription, the needs of its commune and/or category
 * published since its last digest, as anonymous lines from the public read model (category, place,
 * amounts, a link to the public list), in one mail written to the outbox; nothing when nothing is
 * new. A period is an ISO week in {@code chungtay.notification.digest.zone}: each subscription gets
 * at most one digest per period, whichever instance runs the job, and subscriptions are locked
 * with {@code SKIP LOCKED} while one instance works on them.
 */
@Service
public class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);
    private static final int PAGE = 100;

    private final JdbcClient jdbc;
    private final PublicNeeds publicNeeds;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final Topics topics;
    private final SubscriptionManagement subscriptions;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    WeeklyDigest(
            JdbcClient jdbc,
            PublicNeeds publicNeeds,
            MailOutbox outbox,
            MailTemplates templates,
            Topics topics,
            SubscriptionManagement subscriptions,
            MessageSource messages,
            PlatformTransactionManager transactions,
            Optional<Clock> clock,
            @Value("${chungtay.notification.digest.zone:Asia/Ho_Chi_Minh}") String zone) {
        this.jdbc = jdbc;
        this.publicNeeds = publicNeeds;
        this.outbox = outbox;
        this.templates = templates;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.zone = ZoneId.of(zone);
    }

    /** The digest of the current week; returns how many digest mails were written to the outbox. */
    public int sendDigests() {
        return sendDigests(LocalDate.now(clock.withZone(zone)));
    }

    /** The digest of the week holding {@code day}; a subscription that had it already is skipped. */
    public int sendDigests(LocalDate day) {
        String period = period(day);
        long upTo = jdbc.sql("select coalesce(max(seq), 0) from published_need")
                .query(Long.class)
                .single();
        List<Long> due = jdbc.sql("""
                        select s.id from notification_subscription s
                        where s.status = 'CONFIRMED'
                          and not exists (select 1 from notification_digest d
                                          where d.subscription_id = s.id and d.period = :period)
                        order by s.id""").param("period", period).query(Long.class).list();
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, PublicNeed> needs = publicNeedsSince(upTo);
        int written = 0;
        for (long id : due) {
            Boolean sent = transaction.execute(status -> digest(id, period, upTo, needs));
            if (Boolean.TRUE.equals(sent)) {
                written++;
            }
        }
        log.info("Weekly digest {}: {} mails for {} subscriptions", period, written, due.size());
        return written;
    }

    /** The ISO week of a day, such as {@code 2025-W07}. */
    static String period(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private record Subscription(
            long id, String email, String commune, String category, String language, long cursor, String token) {}

    private boolean digest(long id, String period, long upTo, Map<Long, PublicNeed> needs) {
        Optional<Subscription> locked = jdbc.sql("""
                        select id, email, commune_code, category_code, language, need_cursor, unsubscribe_token
                        from notification_subscription where id = :id and status = 'CONFIRMED'
                        for update skip locked""")
                .param("id", id)
                .query((rs, n) -> new Subscription(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7)))
                .optional();
        if (locked.isEmpty()) {
            return false;
        }
        Subscription subscription = locked.get();
        List<PublicNeed> lines = jdbc
                .sql("""
                        select need_id from published_need
                        where seq > :cursor and seq <= :upTo
                          and (cast(:commune as varchar) is null or commune_code = :commune)
                          and (cast(:category as varchar) is null or category_code = :category)
                        order by seq""")
                .param("cursor", subscription.cursor())
                .param("upTo", upTo)
                .param("commune", subscription.commune())
                .param("category", subscription.category())
                .query(Long.class)
                .list()
                .stream()
                .map(needs::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        int inserted = jdbc.sql("""
                        insert into notification_digest (subscription_id, period, need_count, created_at)
                        values (:id, :period, :count, :now) on conflict do nothing""")
                .param("id", id)
                .param("period", period)
                .param("count", lines.size())
                .param("now", Timestamp.from(Instant.now(clock)))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("update notification_subscription set need_cursor = greatest(need_cursor, :upTo) where id = :id")
                .param("upTo", upTo)
                .param("id", id)
                .update();
        if (lines.isEmpty()) {
            return false;
        }
        long mailId = outbox.enqueue(mail(subscription, lines));
        jdbc.sql("update notification_digest set mail_id = :mail where subscription_id = :id and period = :period")
                .param("mail", mailId)
                .param("id", id)
                .param("period", period)
                .update();
        jdbc.sql("update notification_subscription set last_digest_at = :now where id = :id")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", id)
                .update();
        return true;
    }

    /** One line of a digest: nothing about any child, only what the public list shows of a need. */
    public record Line(String category, String place, String needed, String funded, int percent, String link) {}

    private OutgoingMail mail(Subscription subscription, List<PublicNeed> needs) {
        Locale locale = Locale.forLanguageTag(subscription.language());
        SubscriptionTopic topic = topics.topic(subscription.commune(), subscription.category(), locale);
        String described = topics.describe(topic, locale);
        List<Line> lines = needs.stream()
                .map(n -> new Line(
                        n.categoryName(locale),
                        n.placeName(),
                        n.total().formatted(),
                        n.funded().formatted(),
                        n.percentFunded(),
                        subscriptions.absolute(
                                "/public/needs?category=" + encode(n.categoryCode()) + "&q=" + encode(n.placeName()))))
                .toList();
        Map<String, Object> variables = new HashMap<>();
        variables.put("topic", described);
        variables.put("lines", lines);
        variables.put("count", lines.size());
        variables.put(
                "allUrl",
                subscription.commune() != null
                        ? subscriptions.absolute("/public/communes/"
                                + UriUtils.encodePathSegment(subscription.commune(), StandardCharsets.UTF_8))
                        : subscriptions.absolute("/public/needs?category=" + encode(subscription.category())));
        variables.put("unsubscribeUrl", subscriptions.unsubscribeUrl(subscription.token()));
        vn.chungtay.shared.mail.MailBodies.Rendered body = templates.render("digest", locale, variables);
        String subject =
                messages.getMessage("notification.mail.digest.subject", new Object[] {lines.size(), described}, locale);
        return new OutgoingMail(subscription.email(), subject, body.html(), body.text());
    }

    /**
     * The needs published since the oldest cursor of the confirmed subscriptions, as the public sees them
     * now; a need no longer public (cancelled) is left out. Read per commune, once per run.
     */
    private Map<Long, PublicNeed> publicNeedsSince(long upTo) {
        List<String> communes =
                jdbc.sql("""
                        select distinct p.commune_code from published_need p
                        where p.seq <= :upTo and p.seq > (select coalesce(min(need_cursor), 0)
                                                          from notification_subscription where status = 'CONFIRMED')""").param("upTo", upTo).query(String.class).list();
        Map<Long, PublicNeed> needs = new HashMap<>();
        for (String commune : communes) {
            for (int page = 0; ; page++) {
                Page<PublicNeed> found =
                        publicNeeds.published(new PublicNeedQuery(null, commune, null, null, false), page, PAGE);
                found.items().forEach(n -> needs.put(n.id(), n));
                if (found.last() || found.items().isEmpty()) {
                    break;
                }
            }
        }
        return needs;
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
