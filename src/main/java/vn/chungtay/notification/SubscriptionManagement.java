package vn.chungtay.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.notification.internal.MailTemplates;
import vn.chungtay.notification.internal.Tokens;
import vn.chungtay.notification.internal.Topics;

/**
 * Donors' subscriptions to the needs of a commune and/or a support category, with double opt-in:
 * {@link #subscribe} stores a pending subscription and writes the confirmation mail to the outbox;
 * the single-use link confirms it within {@value #CONFIRMATION_DAYS} days; every mail carries a
 * link that ends the subscription. The answer to a valid request is always the same, so nobody
 * learns whether an address is subscribed; at most {@code chungtay.notification.max-pending-per-day}
 * pending subscriptions are made per address and day.
 */
@Service
@Transactional(readOnly = true)
public class SubscriptionManagement {

    public static final int CONFIRMATION_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(SubscriptionManagement.class);
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final Topics topics;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;
    private final int maxPendingPerDay;

    SubscriptionManagement(
            JdbcClient jdbc,
            MailOutbox outbox,
            MailTemplates templates,
            Topics topics,
            MessageSource messages,
            Optional<Clock> clock,
            @Value("${chungtay.notification.base-url:http://localhost:8080}") String baseUrl,
            @Value("${chungtay.notification.max-pending-per-day:5}") int maxPendingPerDay) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.templates = templates;
        this.topics = topics;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.maxPendingPerDay = Math.max(1, maxPendingPerDay);
    }

    /**
     * Checks the request and, unless the address already has this subscription or asked too often
     * today, stores it as pending and writes the confirmation mail (in the visitor's language) to
     * the outbox. Fails with {@link InvalidSubscription} and stores nothing when the address, the
     * commune or the category is not valid.
     */
    @Transactional
    public void subscribe(SubscriptionForm form, Locale locale) {
        List<InvalidSubscription.Problem> problems = new ArrayList<>();
        String email = normalisedEmail(form.email());
        if (email.isEmpty()) {
            problems.add(new InvalidSubscription.Problem("email", "notification.subscribe.emailRequired"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new InvalidSubscription.Problem("email", "notification.subscribe.emailInvalid"));
        }
        String commune = blankToNull(form.commune());
        String category = blankToNull(form.category());
        if (commune != null && topics.currentCommune(commune).isEmpty()) {
            problems.add(new InvalidSubscription.Problem("commune", "notification.subscribe.communeUnknown"));
        }
        if (category != null && topics.category(category).isEmpty()) {
            problems.add(new InvalidSubscription.Problem("category", "notification.subscribe.categoryUnknown"));
        }
        if (commune == null && category == null) {
            problems.add(new InvalidSubscription.Problem("commune", "notification.subscribe.topicRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubscription(problems);
        }
        Instant now = Instant.now(clock);
        // one request per address at a time, so the daily limit holds under concurrent requests
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:email))")
                .param("email", "notification:" + email)
                .query((rs, n) -> 1)
                .single();
        if (alreadySubscribed(email, commune, category)) {
            return;
        }
        if (requestsToday(email, now) >= maxPendingPerDay) {
            log.info("Subscription request not stored: {} pending requests for one address today", maxPendingPerDay);
            return;
        }
        String language = "en".equals(locale.getLanguage()) ? "en" : "vi";
        String confirmToken = Tokens.random();
        String unsubscribeToken = Tokens.random();
        jdbc.sql("""
                        insert into notification_subscription (email, commune_code, category_code, language,
                               confirm_token_hash, confirm_expires_at, unsubscribe_token, created_at)
                        values (:email, :commune, :category, :language, :hash, :expires, :unsubscribe, :now)""")
                .param("email", email)
                .param("commune", commune)
                .param("category", category)
                .param("language", language)
                .param("hash", Tokens.hash(confirmToken))
                .param("expires", Timestamp.from(now.plus(Duration.ofDays(CONFIRMATION_DAYS))))
                .param("unsubscribe", unsubscribeToken)
                .param("now", Timestamp.from(now))
                .update();
        Locale mailLocale = Locale.forLanguageTag(language);
        SubscriptionTopic topic = topics.topic(commune, category, mailLocale);
        Map<String, Object> variables = new HashMap<>();
        variables.put("topic", topics.describe(topic, mailLocale));
        variables.put("confirmUrl", baseUrl + "/public/subscriptions/confirm?token=" + confirmToken);
        variables.put("unsubscribeUrl", unsubscribeUrl(unsubscribeToken));
        variables.put("days", CONFIRMATION_DAYS);
        vn.chungtay.shared.mail.MailBodies.Rendered body = templates.render("confirmation", mailLocale, variables);
        outbox.enqueue(new OutgoingMail(
                email,
                messages.getMessage(
                        "notification.mail.confirmation.subject",
                        new Object[] {topics.describe(topic, mailLocale)},
                        mailLocale),
                body.html(),
                body.text()));
    }

    /** Follows a confirmation link: the token works once, within seven days. */
    @Transactional
    public Confirmation confirm(String token) {
        if (!Tokens.plausible(token)) {
            return Confirmation.INVALID;
        }
        record Pending(long id, String email, String commune, String category, Instant expires) {}
        Optional<Pending> found = jdbc.sql("""
                        select id, email, commune_code, category_code, confirm_expires_at
                        from notification_subscription
                        where confirm_token_hash = :hash and status = 'PENDING'
                        for update""")
                .param("hash", Tokens.hash(token))
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
        if (found.isEmpty()) {
            return Confirmation.INVALID;
        }
        Pending pending = found.get();
        Instant now = Instant.now(clock);
        if (!pending.expires().isAfter(now)) {
            return Confirmation.EXPIRED;
        }
        if (alreadySubscribed(pending.email(), pending.commune(), pending.category())) {
            // an earlier link of the same address and topic was followed first: one subscription is enough
            jdbc.sql("update notification_subscription set confirm_token_hash = null where id = :id")
                    .param("id", pending.id())
                    .update();
            return Confirmation.CONFIRMED;
        }
        // digests report needs published from now on
        jdbc.sql("""
                        update notification_subscription
                        set status = 'CONFIRMED', confirmed_at = :now, confirm_token_hash = null,
                            need_cursor = (select coalesce(max(seq), 0) from published_need)
                        where id = :id""")
                .param("now", Timestamp.from(now))
                .param("id", pending.id())
                .update();
        return Confirmation.CONFIRMED;
    }

    /** What the unsubscribe link ends, for the page that asks to confirm; empty for an unknown or used link. */
    public Optional<SubscriptionTopic> subscriptionOf(String unsubscribeToken, Locale locale) {
        if (!Tokens.plausible(unsubscribeToken)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select commune_code, category_code from notification_subscription
                        where unsubscribe_token = :token and status <> 'UNSUBSCRIBED'""")
                .param("token", unsubscribeToken)
                .query((rs, n) -> topics.topic(rs.getString(1), rs.getString(2), locale))
                .optional();
    }

    /** Ends the subscription of the link, at once; following it again changes nothing. */
    @Transactional
    public void unsubscribe(String unsubscribeToken) {
        if (!Tokens.plausible(unsubscribeToken)) {
            return;
        }
        jdbc.sql("""
                        update notification_subscription
                        set status = 'UNSUBSCRIBED', unsubscribed_at = :now, confirm_token_hash = null
                        where unsubscribe_token = :token and status <> 'UNSUBSCRIBED'""")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("token", unsubscribeToken)
                .update();
    }

    /** The absolute link that ends a subscription. */
    public String unsubscribeUrl(String unsubscribeToken) {
        return baseUrl + "/public/subscriptions/unsubscribe?token=" + unsubscribeToken;
    }

    /** The absolute form of an application path, for links in e-mails. */
    public String absolute(String path) {
        return baseUrl + path;
    }

    static String normalisedEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private boolean alreadySubscribed(String email, String commune, String category) {
        return jdbc.sql("""
                        select count(*) from notification_subscription
                        where email = :email and status = 'CONFIRMED'
                          and coalesce(commune_code, '') = :commune and coalesce(category_code, '') = :category""")
                        .param("email", email)
                        .param("commune", commune == null ? "" : commune)
                        .param("category", category == null ? "" : category)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long requestsToday(String email, Instant now) {
        return jdbc.sql("""
                        select count(*) from notification_subscription
                        where email = :email and created_at > :since""")
                .param("email", email)
                .param("since", Timestamp.from(now.minus(Duration.ofDays(1))))
                .query(Long.class)
                .single();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
