package vn.chungtay.identity;

import java.util.List;
import java.util.Optional;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.OutsideScope;

/**
 * Who may sign in, with which role and scope, and who may manage whom. Every method takes the
 * acting {@link Actor} and enforces its rules here: ADMIN manages everyone; a PROVINCE_OFFICER
 * manages users whose scope lies within their own and never creates an ADMIN; other roles manage
 * nobody ({@link OutsideScope}). Invalid input fails with {@link InvalidUserInput} and nothing is
 * written.
 */
public interface IdentityManagement {

    /** Creates an account; the password is hashed, never stored or published in clear. */
    UserView createUser(Actor actor, NewUser user);

    /** Changes name, e-mail, role, scope and whether the account may sign in. */
    UserView updateUser(Actor actor, long userId, UserChanges changes);

    /** Sets a new password for another user (and lifts a temporary lockout). */
    void resetPassword(Actor actor, long userId, String newPassword);

    /** The actor changes their own password; the current one is required. */
    void changeOwnPassword(Actor actor, String currentPassword, String newPassword);

    /** A user the actor may manage; {@link UserNotFound} or {@link OutsideScope} otherwise. */
    UserView getUser(Actor actor, long userId);

    /** The actor's own account. */
    UserView me(Actor actor);

    /** Users within the actor's scope whose username, name or e-mail matches {@code query}. */
    Page<UserView> listUsers(Actor actor, String query, int page, int size);

    /** Whether the actor may open the user management pages at all. */
    boolean canManageUsers(Actor actor);

    /** A new personal access token for the actor; the secret is returned once and kept only hashed. */
    CreatedApiToken createApiToken(Actor actor, String name);

    /** The actor's tokens, newest first, revoked ones included. */
    List<ApiTokenView> listApiTokens(Actor actor);

    /** Revokes one of the actor's own tokens. */
    void revokeApiToken(Actor actor, long tokenId);

    /**
     * The person a presented token secret belongs to, if the token is not revoked and the account
     * may sign in; records when the token was last used.
     */
    Optional<SignedInUser> authenticateApiToken(String secret);

    /**
     * Checks a password chosen before its account exists (a donor's sign-up, stored until the
     * e-mail is confirmed) against the password rules and returns its hash; {@link InvalidUserInput}
     * on field {@code password} otherwise. Nothing is stored.
     */
    String hashNewPassword(String username, String password);

    /**
     * Creates a donor's own account: role DONOR, no scope, linked to the donor record, signing in
     * with the given username and the already hashed password. Empty, writing nothing, when the
     * username is taken. {@link InvalidUserInput} for a malformed username, name, e-mail or hash.
     */
    Optional<UserView> createDonorAccount(NewDonorAccount account);

    /** The donor record the actor's account is linked to; empty for everyone but donors. */
    Optional<Long> linkedDonorId(Actor actor);
}
