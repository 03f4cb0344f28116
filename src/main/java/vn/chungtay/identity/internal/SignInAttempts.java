package vn.chungtay.identity.internal;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.identity.UserLockedOut;

/**
 * Throttles guessing: five wrong passwords in a row lock an account for fifteen minutes, whether
 * tried on the sign-in page or with HTTP Basic on the API; a successful sign-in starts the count
 * again. Listens to Spring Security's authentication events, which arrive synchronously.
 */
@Component
class SignInAttempts {

    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;

    SignInAttempts(UserAccountRepository users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || username.isBlank()) {
            return;
        }
        Instant now = Instant.now();
        users.findByUsername(username.trim()).ifPresent(account -> {
            int attempt = account.failedAttempts() + 1;
            if (account.recordFailedSignIn(now)) {
                events.publishEvent(new UserLockedOut(
                        account.id(), account.username(), account.scopeCode(), attempt, account.lockedUntil()));
            }
            users.saveAndFlush(account);
        });
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(account -> {
            if (account.recordSuccessfulSignIn()) {
                users.saveAndFlush(account);
            }
        });
    }

    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        return username != null
                && users.findByUsername(username.trim())
                        .map(account -> account.isLockedAt(Instant.now()))
                        .orElse(false);
    }
}
