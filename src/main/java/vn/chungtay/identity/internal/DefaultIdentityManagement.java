package vn.chungtay.identity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.identity.ApiTokenCreated;
import vn.chungtay.identity.ApiTokenRevoked;
import vn.chungtay.identity.ApiTokenView;
import vn.chungtay.identity.CreatedApiToken;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.identity.InvalidUserInput;
import vn.chungtay.identity.InvalidUserInput.Problem;
import vn.chungtay.identity.NewDonorAccount;
import vn.chungtay.identity.NewUser;
import vn.chungtay.identity.PasswordChanged;
import vn.chungtay.identity.SignedInUser;
import vn.chungtay.identity.UserChanges;
import vn.chungtay.identity.UserCreated;
import vn.chungtay.identity.UserNotFound;
import vn.chungtay.identity.UserUpdated;
import vn.chungtay.identity.UserView;
import vn.chungtay.organisation.OrgUnitCode;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

@Service
class DefaultIdentityManagement implements IdentityManagement {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,60}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_PAGE_SIZE = 100;

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;

    DefaultIdentityManagement(
            UserAccountRepository users,
            ApiTokenRepository tokens,
            PasswordEncoder passwordEncoder,
            OrganisationManagement organisation,
            ApplicationEventPublisher events) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.organisation = organisation;
        this.events = events;
    }

    @Override
    @Transactional
    public UserView createUser(Actor actor, NewUser user) {
        requireUserManager(actor);
        String username = normaliseUsername(user.username());
        String displayName = trimToNull(user.displayName());
        String email = trimToNull(user.email());
        String scopeCode = trimToNull(user.scopeCode());
        List<Problem> problems = new ArrayList<>();
        checkUsername(username, problems);
        checkProfile(displayName, email, user.role(), scopeCode, problems);
        checkNewPassword(username, user.password(), "password", problems);
        if (user.role() == Role.DONOR) {
            problems.add(new Problem("role", "identity.role.donorBySignUp"));
        }
        if (username != null
                && problems.stream().noneMatch(p -> "username".equals(p.field()))
                && users.findByUsername(username).isPresent()) {
            problems.add(new Problem("username", "identity.username.taken"));
        }
        failOn(problems);
        requireMayAssign(actor, user.role(), scopeCode);

        Instant now = Instant.now();
        UserAccount account = users.saveAndFlush(new UserAccount(
                username, displayName, email, user.role(), scopeCode, passwordEncoder.encode(user.password()), now));
        events.publishEvent(new UserCreated(account.id(), username, scopeCode, account.auditState()));
        return account.toView();
    }

    @Override
    @Transactional
    public UserView updateUser(Actor actor, long userId, UserChanges changes) {
        UserAccount account = manageable(actor, userId);
        String displayName = trimToNull(changes.displayName());
        String email = trimToNull(changes.email());
        String scopeCode = trimToNull(changes.scopeCode());
        List<Problem> problems = new ArrayList<>();
        checkProfile(displayName, email, changes.role(), scopeCode, problems);
        if ((changes.role() == Role.DONOR) != (account.role() == Role.DONOR)) {
            problems.add(new Problem("role", "identity.role.donorBySignUp"));
        }
        boolean self = account.username().equalsIgnoreCase(actor.username());
        if (self
                && (changes.role() != account.role()
                        || !changes.enabled()
                        || !Objects.equals(scopeCode, account.scopeCode()))) {
            problems.add(new Problem(null, "identity.user.noSelfDemotion"));
        }
        failOn(problems);
        requireMayAssign(actor, changes.role(), scopeCode);

        Map<String, Object> before = account.auditState();
        account.change(displayName, email, changes.role(), scopeCode, changes.enabled());
        users.saveAndFlush(account);
        Map<String, Object> after = account.auditState();
        if (!before.equals(after)) {
            events.publishEvent(
                    new UserUpdated(account.id(), account.username(), unitOf(before, after), before, after));
        }
        return account.toView();
    }

    @Override
    @Transactional
    public void resetPassword(Actor actor, long userId, String newPassword) {
        UserAccount account = manageable(actor, userId);
        List<Problem> problems = new ArrayList<>();
        checkNewPassword(account.username(), newPassword, "newPassword", problems);
        failOn(problems);
        Instant now = Instant.now();
        account.changePassword(passwordEncoder.encode(newPassword), now);
        users.saveAndFlush(account);
        events.publishEvent(new PasswordChanged(account.id(), account.username(), account.scopeCode(), true, now));
    }

    @Override
    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        UserAccount account = own(actor);
        List<Problem> problems = new ArrayList<>();
        if (currentPassword == null
                || currentPassword.isEmpty()
                || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            problems.add(new Problem("currentPassword", "identity.password.currentWrong"));
        }
        checkNewPassword(account.username(), newPassword, "newPassword", problems);
        if (problems.isEmpty() && newPassword.equals(currentPassword)) {
            problems.add(new Problem("newPassword", "identity.password.sameAsCurrent"));
        }
        failOn(problems);
        Instant now = Instant.now();
        account.changePassword(passwordEncoder.encode(newPassword), now);
        users.saveAndFlush(account);
        events.publishEvent(new PasswordChanged(account.id(), account.username(), account.scopeCode(), false, now));
    }

    @Override
    @Transactional(readOnly = true)
    public UserView getUser(Actor actor, long userId) {
        return manageable(actor, userId).toView();
    }

    @Override
    @Transactional(readOnly = true)
    public UserView me(Actor actor) {
        return own(actor).toView();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<UserView> listUsers(Actor actor, String query, int page, int size) {
        requireUserManager(actor);
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        String folded = query == null || query.isBlank() ? "" : VietnameseText.fold(query);
        LocalDate today = organisation.today();
        Map<String, Boolean> withinScope = new HashMap<>();
        List<UserView> matching = users.findAllOrderedByUsername().stream()
                .filter(u -> actor.has(Role.ADMIN)
                        || (u.scopeCode() != null
                                && withinScope.computeIfAbsent(
                                        u.scopeCode(), code -> isWithin(code, actor.scopeCode(), today))))
                .map(UserAccount::toView)
                .filter(u -> folded.isEmpty() || matches(u, folded))
                .toList();
        int number = Math.max(page, 0);
        int from = Math.min(Page.offset(number, pageSize), matching.size());
        int to = Math.min(from + pageSize, matching.size());
        return new Page<>(matching.subList(from, to), number, pageSize, matching.size());
    }

    @Override
    public boolean canManageUsers(Actor actor) {
        return actor.has(Role.ADMIN) || (actor.has(Role.PROVINCE_OFFICER) && actor.scopeCode() != null);
    }

    @Override
    @Transactional
    public CreatedApiToken createApiToken(Actor actor, String name) {
        UserAccount account = own(actor);
        String tokenName = trimToNull(name);
        if (tokenName == null) {
            throw new InvalidUserInput("name", "identity.token.nameRequired");
        }
        if (tokenName.length() > 80) {
            throw new InvalidUserInput("name", "identity.token.nameTooLong");
        }
        String secret = ApiTokenSecrets.generate();
        String prefix = ApiTokenSecrets.shownPrefix(secret);
        ApiToken token = tokens.saveAndFlush(
                new ApiToken(account.id(), tokenName, ApiTokenSecrets.hash(secret), prefix, Instant.now()));
        events.publishEvent(
                new ApiTokenCreated(token.id(), account.username(), account.scopeCode(), tokenName, prefix));
        return new CreatedApiToken(token.toView(), secret);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiTokenView> listApiTokens(Actor actor) {
        return tokens.findByUser(own(actor).id()).stream().map(ApiToken::toView).toList();
    }

    @Override
    @Transactional
    public void revokeApiToken(Actor actor, long tokenId) {
        UserAccount account = own(actor);
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.userId() == account.id())
                .orElseThrow(() -> new OutsideScope("Token " + tokenId + " is not yours"));
        Instant now = Instant.now();
        if (token.revoke(now)) {
            tokens.saveAndFlush(token);
            events.publishEvent(
                    new ApiTokenRevoked(token.id(), account.username(), account.scopeCode(), token.name(), now));
        }
    }

    @Override
    @Transactional
    public Optional<SignedInUser> authenticateApiToken(String secret) {
        if (!ApiTokenSecrets.looksLikeToken(secret)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return tokens.findActiveByHash(ApiTokenSecrets.hash(secret))
                .flatMap(token -> users.findById(token.userId())
                        .filter(user -> user.enabled() && !user.isLockedAt(now))
                        .map(user -> {
                            token.markUsed(now);
                            return user.toPrincipal();
                        }));
    }

    @Override
    public String hashNewPassword(String username, String password) {
        List<Problem> problems = new ArrayList<>();
        checkNewPassword(normaliseUsername(username), password, "password", problems);
        failOn(problems);
        return passwordEncoder.encode(password);
    }

    @Override
    @Transactional
    public Optional<UserView> createDonorAccount(NewDonorAccount donor) {
        String username = normaliseUsername(donor.username());
        String displayName = trimToNull(donor.displayName());
        String email = trimToNull(donor.email());
        List<Problem> problems = new ArrayList<>();
        if (username == null) {
            problems.add(new Problem("username", "identity.username.required"));
        } else if (!USERNAME.matcher(username).matches()
                && !(username.length() <= 60 && EMAIL.matcher(username).matches())) {
            problems.add(new Problem("username", "identity.username.invalid"));
        }
        checkProfile(displayName, email, Role.DONOR, null, problems);
        if (donor.passwordHash() == null || !donor.passwordHash().startsWith("{")) {
            problems.add(new Problem("password", "identity.password.tooShort"));
        }
        if (donor.donorId() <= 0) {
            problems.add(new Problem(null, "identity.donor.unknown"));
        }
        failOn(problems);
        // one sign-up at a time per username, so two confirmations cannot both create it
        users.lockUsername(username);
        if (users.findByUsername(username).isPresent()) {
            return Optional.empty();
        }
        UserAccount account = users.saveAndFlush(
                UserAccount.donor(username, displayName, email, donor.donorId(), donor.passwordHash(), Instant.now()));
        events.publishEvent(new UserCreated(account.id(), username, null, account.auditState()));
        return Optional.of(account.toView());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> linkedDonorId(Actor actor) {
        if (actor == null || !actor.has(Role.DONOR)) {
            return Optional.empty();
        }
        return users.findByUsername(actor.username()).map(UserAccount::donorId);
    }

    // --- rules ---

    private void requireUserManager(Actor actor) {
        if (!canManageUsers(actor)) {
            throw new OutsideScope(actor.username() + " may not manage users");
        }
    }

    /** ADMIN manages everyone; a province officer those whose scope lies within their own. */
    private UserAccount manageable(Actor actor, long userId) {
        requireUserManager(actor);
        UserAccount account = users.findById(userId).orElseThrow(() -> new UserNotFound(userId));
        if (actor.has(Role.ADMIN)) {
            return account;
        }
        if (account.role() == Role.ADMIN
                || account.scopeCode() == null
                || !isWithin(account.scopeCode(), actor.scopeCode(), organisation.today())) {
            throw new OutsideScope(actor.username() + " may not manage " + account.username());
        }
        return account;
    }

    /** Only ADMIN creates ADMINs; a province officer only gives scopes within their own. */
    private void requireMayAssign(Actor actor, Role role, String scopeCode) {
        if (actor.has(Role.ADMIN)) {
            return;
        }
        if (role == Role.ADMIN || scopeCode == null || !isWithin(scopeCode, actor.scopeCode(), organisation.today())) {
            throw new OutsideScope(actor.username() + " may not give role " + role + " in " + scopeCode);
        }
    }

    private boolean isWithin(String unitCode, String scopeCode, LocalDate date) {
        return scopeCode != null && organisation.isWithin(unitCode, scopeCode, date);
    }

    private UserAccount own(Actor actor) {
        return users.findByUsername(actor.username())
                .orElseThrow(() -> new OutsideScope(actor.username() + " has no account"));
    }

    private static void checkUsername(String username, List<Problem> problems) {
        if (username == null) {
            problems.add(new Problem("username", "identity.username.required"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(new Problem("username", "identity.username.invalid"));
        }
    }

    private void checkProfile(String displayName, String email, Role role, String scopeCode, List<Problem> problems) {
        if (displayName == null) {
            problems.add(new Problem("displayName", "identity.displayName.required"));
        } else if (displayName.length() > 120) {
            problems.add(new Problem("displayName", "identity.displayName.tooLong"));
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            problems.add(new Problem("email", "identity.email.invalid"));
        }
        if (role == null) {
            problems.add(new Problem("role", "identity.role.required"));
        }
        if (scopeCode == null) {
            if (role != null && role != Role.ADMIN && role != Role.DONOR) {
                problems.add(new Problem("scopeCode", "identity.scope.required"));
            }
        } else if (!OrgUnitCode.isValid(scopeCode)
                || organisation.find(scopeCode, organisation.today()).isEmpty()) {
            problems.add(new Problem("scopeCode", "identity.scope.unknown"));
        }
    }

    private static void checkNewPassword(String username, String password, String field, List<Problem> problems) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            problems.add(new Problem(field, "identity.password.tooShort"));
        } else if (password.length() > MAX_PASSWORD_LENGTH) {
            problems.add(new Problem(field, "identity.password.tooLong"));
        } else if (username != null && password.equalsIgnoreCase(username)) {
            problems.add(new Problem(field, "identity.password.equalsUsername"));
        }
    }

    private static void failOn(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidUserInput(problems);
        }
    }

    private static boolean matches(UserView user, String folded) {
        return VietnameseText.fold(user.username()).contains(folded)
                || VietnameseText.fold(user.displayName()).contains(folded)
                || (user.email() != null && VietnameseText.fold(user.email()).contains(folded));
    }

    private static String unitOf(Map<String, Object> before, Map<String, Object> after) {
        String code = (String) after.get("scopeCode");
        if (code == null || code.isEmpty()) {
            code = (String) before.get("scopeCode");
        }
        return code == null || code.isEmpty() ? null : code;
    }

    private static String normaliseUsername(String username) {
        String trimmed = trimToNull(username);
        return trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT);
    }

    private static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
