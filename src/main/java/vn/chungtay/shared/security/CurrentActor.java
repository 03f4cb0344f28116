package vn.chungtay.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request or job. */
public final class CurrentActor {

    private CurrentActor() {}

    /** The signed-in actor, if someone is signed in. */
    public static Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorAware aware) {
            return Optional.of(aware.actor());
        }
        return Optional.empty();
    }

    /** The signed-in actor; fails with {@link NotSignedIn} when nobody is. */
    public static Actor get() {
        return find().orElseThrow(NotSignedIn::new);
    }

    /** The signed-in actor, or {@link Actor#SYSTEM} for work nobody started (imports at start-up). */
    public static Actor orSystem() {
        return find().orElse(Actor.SYSTEM);
    }

    /** Runs work as the given actor (for jobs nobody signed in to start, such as demo data). */
    public static void runAs(Actor actor, Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        ActorAware principal = () -> actor;
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                principal,
                null,
                java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        actor.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Thrown when an operation needs a signed-in person and there is none. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.UNAUTHORIZED)
    public static class NotSignedIn extends RuntimeException {
        public NotSignedIn() {
            super("Nobody is signed in");
        }
    }
}
