package vn.chungtay.donor;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.donor.InvalidDonor.Problem;
import vn.chungtay.donor.internal.DonorMailTemplates;
import vn.chungtay.donor.internal.DonorRules;
import vn.chungtay.donor.internal.SignUpTokens;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.identity.InvalidUserInput;
import vn.chungtay.identity.NewDonorAccount;
import vn.chungtay.identity.UserView;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.notification.OutgoingMail;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Donors' own accounts. {@link #signUp} checks the form, keeps it (the password only as its hash)
 * and writes a mail with a single-use link valid for {@value #VALID_HOURS} hours to the outbox;
 * {@link #confirm} follows the link: it finds or registers the donor record (same name and e-mail)
 * and creates the DONOR account linked to it, signing in with the e-mail address. A valid request
 * is always answered the same way, so nobody learns whether an address has an account; at most
 * {@value #MAX_PER_DAY} sign-ups are kept per address and day.
 */
@Service
public class DonorSignUp {

    public static final int VALID_HOURS = 48;
    public static final int MAX_PER_DAY = 5;
    /** E-mail addresses are usernames, and usernames have at most 60 characters. */
    public static final int MAX_EMAIL = 60;

    private static final Logger log = LoggerFactory.getLogger(DonorSignUp.class);
    private static final int MAX_DISPLAY_NAME = 120;

    private final JdbcClient jdbc;
    private final DonorDirectory donors;
    private final IdentityManagement identity;
    private final MailOutbox outbox;
    private final DonorMailTemplates templates;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    DonorSignUp(
            JdbcClient jdbc,
            DonorDirectory donors,
            IdentityManagement identity,
            MailOutbox outbox,
            DonorMailTemplates templates,
            MessageSource messages,
            Optional<Clock> clock,
            @Value("${chungtay.notification.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.donors = donors;
        this.identity = identity;
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Checks the sign-up and writes the confirmation mail (in the visitor's language) to the
     * outbox. {@link InvalidDonor} naming every wrong field, and nothing stored, otherwise.
     */
    @Transactional
    public void signUp(SignUpForm form, Locale locale) {
        List<Problem> problems = new ArrayList<>();
        DonorKind kind = form.kind() == null ? DonorKind.INDIVIDUAL : form.kind();
        String email = DonorRules.normaliseEmail(form.email());
        DonorRules.Clean clean = null;
        try {
            clean = DonorRules.check(
                    new DonorForm(kind, form.name(), true, null, null, email, null, null, false, false, null),
                    java.time.LocalDate.now(clock));
        } catch (InvalidDonor e) {
            problems.addAll(e.problems());
        }
        if (email == null) {
            problems.add(new Problem("email", "donor.signUp.error.emailRequired", List.of()));
        } else if (email.length() > MAX_EMAIL) {
            problems.add(new Problem("email", "donor.signUp.error.emailTooLong", List.of(MAX_EMAIL)));
        }
        String passwordHash = null;
        try {
            passwordHash = identity.hashNewPassword(email, form.password());
        } catch (InvalidUserInput e) {
            e.problems().forEach(p -> problems.add(new Problem("password", p.messageKey(), List.of())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDonor(problems);
        }
        Instant now = Instant.now(clock);
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "donor-sign-up:" + email)
                .query((rs, n) -> 1)
                .single();
        long today = jdbc.sql("select count(*) from donor_signup where email = :email and created_at > :since")
                .param("email", email)
                .param("since", Timestamp.from(now.minus(Duration.ofDays(1))))
                .query(Long.class)
                .single();
        if (today >= MAX_PER_DAY) {
            log.info("Donor sign-up not kept: {} sign-ups for one address today", MAX_PER_DAY);
            return;
        }
        String language = "en".equals(locale.getLanguage()) ? "en" : "vi";
        String token = SignUpTokens.random();
        jdbc.sql("""
                        insert into donor_signup (name, email, kind, password_hash, language, token_hash, expires_at,
                                                  created_at)
                        values (:name, :email, :kind, :hash, :language, :token, :expires, :now)""")
                .param("name", clean.name())
                .param("email", email)
                .param("kind", kind.name())
                .param("hash", passwordHash)
                .param("language", language)
                .param("token", SignUpTokens.hash(token))
                .param("expires", Timestamp.from(now.plus(Duration.ofHours(VALID_HOURS))))
                .param("now", Timestamp.from(now))
                .update();
        Locale mailLocale = Locale.forLanguageTag(language);
        vn.chungtay.shared.mail.MailBodies.Rendered body = templates.render(
                "sign-up",
                mailLocale,
                Map.of(
                        "name",
                        clean.name(),
                        "confirmUrl",
                        baseUrl + "/public/donors/signup/confirm?token=" + token,
                        "hours",
                        VALID_HOURS,
                        "username",
                        email));
        outbox.enqueue(new OutgoingMail(
                email, messages.getMessage("donor.signUp.mail.subject", null, mailLocale), body.html(), body.text()));
    }

    /** Whether a link could still be followed (for the page that asks to confirm); changes nothing. */
    @Transactional(readOnly = true)
    public SignUpOutcome check(String token) {
        if (!SignUpTokens.plausible(token)) {
            return SignUpOutcome.INVALID;
        }
        return jdbc.sql("select used_at, expires_at from donor_signup where token_hash = :hash")
                .param("hash", SignUpTokens.hash(token))
                .query((rs, n) -> rs.getTimestamp(1) != null
                        ? SignUpOutcome.USED
                        : rs.getTimestamp(2).toInstant().isAfter(Instant.now(clock))
                                ? SignUpOutcome.CREATED
                                : SignUpOutcome.EXPIRED)
                .optional()
                .orElse(SignUpOutcome.INVALID);
    }

    /**
     * Follows a sign-up link: once, within {@value #VALID_HOURS} hours. Finds or registers the
     * donor (same folded name and e-mail) and creates the account; the answer says what happened
     * and the username to sign in with.
     */
    @Transactional
    public Confirmed confirm(String token) {
        if (!SignUpTokens.plausible(token)) {
            return new Confirmed(SignUpOutcome.INVALID, null);
        }
        record Pending(
                long id, String name, String email, DonorKind kind, String hash, Instant expires, boolean used) {}
        Optional<Pending> found = jdbc.sql("""
                        select id, name, email, kind, password_hash, expires_at, used_at is not null
                        from donor_signup where token_hash = :hash for update""")
                .param("hash", SignUpTokens.hash(token))
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        DonorKind.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7)))
                .optional();
        if (found.isEmpty()) {
            return new Confirmed(SignUpOutcome.INVALID, null);
        }
        Pending pending = found.get();
        if (pending.used()) {
            return new Confirmed(SignUpOutcome.USED, null);
        }
        Instant now = Instant.now(clock);
        if (!pending.expires().isAfter(now)) {
            return new Confirmed(SignUpOutcome.EXPIRED, null);
        }
        DonorView donor = donors.findOrRegister(new NewDonor(
                pending.name(), pending.kind(), true, DonorRules.VIETNAM, null, pending.email(), null, false, false));
        String displayName = VietnameseText.clean(pending.name());
        if (displayName.length() > MAX_DISPLAY_NAME) {
            displayName = displayName.substring(0, MAX_DISPLAY_NAME).trim();
        }
        Optional<UserView> account = identity.createDonorAccount(new NewDonorAccount(
                pending.email(),
                displayName,
                pending.email(),
                pending.hash(),
                donor.id().value()));
        SignUpOutcome outcome = account.isPresent() ? SignUpOutcome.CREATED : SignUpOutcome.ALREADY_REGISTERED;
        jdbc.sql("""
                        update donor_signup set used_at = :now, outcome = :outcome, donor_id = :donor, user_id = :user,
                               password_hash = '-'
                        where id = :id""")
                .param("now", Timestamp.from(now))
                .param("outcome", outcome.name())
                .param("donor", donor.id().value())
                .param("user", account.map(UserView::id).orElse(null))
                .param("id", pending.id())
                .update();
        return new Confirmed(outcome, pending.email());
    }

    /** What following the link did, and the username to sign in with (when there is an account). */
    public record Confirmed(SignUpOutcome outcome, String username) {}
}
