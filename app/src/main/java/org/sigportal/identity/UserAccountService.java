package org.sigportal.identity;

import org.jspecify.annotations.Nullable;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.ApiScope;
import org.sigportal.base.ConcurrentEditException;
import org.sigportal.base.CurrentActor;
import org.sigportal.base.PortalException;
import org.sigportal.base.Roles;
import org.sigportal.identity.internal.JooqIdentityLinkRepository;
import org.sigportal.identity.internal.JooqUserRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Local accounts: sign-up, password change, and the administrator's user management. Every change is
 * validated here, checked against the caller's role, guarded by the record's version, and audited.
 */
@Service
public class UserAccountService {

    public static final String TARGET = "user";

    private final JooqUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Clock clock;
    private final boolean signUpEnabled;
    private final boolean localSignInEnabled;
    private final JooqIdentityLinkRepository links;
    private final SsoProviderCatalog providers;

    UserAccountService(JooqUserRepository users, PasswordEncoder passwordEncoder, AuditService audit, Clock clock,
                       @Value("${portal.accounts.sign-up-enabled:true}") boolean signUpEnabled,
                       @Value("${portal.accounts.local-sign-in-enabled:true}") boolean localSignInEnabled,
                       JooqIdentityLinkRepository links, SsoProviderCatalog providers) {
        this.localSignInEnabled = localSignInEnabled;
        this.links = links;
        this.providers = providers;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.signUpEnabled = signUpEnabled;
    }

    /** Local sign-up needs local sign-in: an operator who turns off the local form turns off both. */
    public boolean signUpEnabled() {
        return signUpEnabled && localSignInEnabled;
    }

    public boolean localSignInEnabled() {
        return localSignInEnabled;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean hasLocalPassword() {
        return users.hasLocalPassword(CurrentActor.username().orElseThrow());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LinkedIdentity> linkedIdentities() {
        return links.forUser(currentAccount().id()).stream()
                .map(l -> new LinkedIdentity(l.provider(), providers.displayName(l.provider()), l.email(),
                        l.linkedAt(), l.lastSignInAt()))
                .toList();
    }

    /** Removes a provider link, unless it is the account's last way to sign in. */
    @Transactional
    @PreAuthorize("isAuthenticated() and !hasAuthority('TOKEN')")
    public void unlink(String provider) {
        UserAccount me = currentAccount();
        boolean otherWay = users.hasLocalPassword(me.username())
                || links.forUser(me.id()).stream().anyMatch(l -> !l.provider().equals(provider));
        if (!otherWay) {
            throw new PortalException("profile.error.last-sign-in-method");
        }
        if (links.delete(me.id(), provider) == 0) {
            throw new PortalException("profile.error.not-linked");
        }
        audit.success("account.sso-unlink", TARGET, me.username(), provider);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public NotificationPreferences preferences() {
        return users.preferences(CurrentActor.username().orElseThrow());
    }

    @Transactional
    @PreAuthorize("isAuthenticated() and hasAuthority('" + ApiScope.COMMUNITY_WRITE_AUTHORITY + "')")
    public void updatePreferences(NotificationPreferences preferences) {
        if (preferences == null || preferences.emailDigest() == null) {
            throw new InvalidInputException("emailDigest", "profile.error.digest");
        }
        String me = CurrentActor.username().orElseThrow();
        users.updatePreferences(me, preferences, now());
        audit.success("account.preferences", TARGET, me, preferences.toString());
    }

    /** Creates a member account from the public sign-up form. */
    @Transactional
    public UserAccount signUp(SignUpRequest request) {
        if (!signUpEnabled) {
            throw new PortalException("signup.error.disabled");
        }
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        String email = request.email() == null ? "" : request.email().trim();
        AccountRules.checkUsername(username);
        AccountRules.checkDisplayName(request.displayName());
        AccountRules.checkEmail(email);
        AccountRules.checkPassword("password", request.password());
        if (users.usernameExists(username)) {
            throw new InvalidInputException("username", "account.error.username-taken");
        }
        if (users.emailExists(email)) {
            throw new InvalidInputException("email", "account.error.email-taken");
        }
        long id = users.insert(username, request.displayName().trim(), email,
                passwordEncoder.encode(request.password()), Set.of(Roles.MEMBER), false, now());
        audit.recordAs(username, "account.sign-up", TARGET, username, AuditOutcome.SUCCESS, null);
        return users.findById(id).orElseThrow();
    }

    /** Changes the signed-in user's own password after checking the current one. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changePassword(String currentPassword, String newPassword) {
        String username = CurrentActor.username().orElseThrow();
        String hash = users.passwordHash(username).orElse(null);
        if (hash == null || currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            audit.failure("account.password-change", TARGET, username, AuditOutcome.FAILURE, "wrong current password");
            throw new InvalidInputException("currentPassword", "account.error.current-password-wrong");
        }
        AccountRules.checkPassword("newPassword", newPassword);
        if (passwordEncoder.matches(newPassword, hash)) {
            throw new InvalidInputException("newPassword", "account.error.password-unchanged");
        }
        users.updatePassword(username, passwordEncoder.encode(newPassword), now());
        audit.success("account.password-change", TARGET, username, null);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(username);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public UserAccount currentAccount() {
        return users.findByUsername(CurrentActor.username().orElseThrow()).orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<UserAccount> list(@Nullable String text, int offset, int limit) {
        return users.list(text, offset, Math.min(limit, 500));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public int count(@Nullable String text) {
        return users.count(text);
    }

    /**
     * Replaces a user's roles. Refused when the user changed since {@code expectedVersion} was read, and when
     * it would leave the portal without an enabled administrator.
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public UserAccount changeRoles(String username, int expectedVersion, Set<String> roles) {
        Set<String> wanted = new TreeSet<>(roles);
        wanted.add(Roles.MEMBER);
        for (String role : wanted) {
            if (!Roles.isKnown(role)) {
                throw new PortalException("users.error.unknown-role", role);
            }
        }
        UserAccount before = users.findByUsername(username)
                .orElseThrow(() -> new PortalException("users.error.not-found", username));
        if (before.hasRole(Roles.ADMIN) && !wanted.contains(Roles.ADMIN) && before.enabled()
                && users.countEnabledAdmins() <= 1) {
            throw new PortalException("users.error.last-admin");
        }
        if (!users.bumpVersion(username, expectedVersion, now())) {
            audit.failure("user.roles-change", TARGET, username, AuditOutcome.FAILURE, "concurrent edit");
            throw new ConcurrentEditException();
        }
        users.replaceRoles(before.id(), wanted);
        audit.success("user.roles-change", TARGET, username, before.roles() + " -> " + wanted);
        return users.findByUsername(username).orElseThrow();
    }

    /** Enables or disables an account; a disabled user's open sessions end on their next request. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public UserAccount setEnabled(String username, int expectedVersion, boolean enabled) {
        UserAccount before = users.findByUsername(username)
                .orElseThrow(() -> new PortalException("users.error.not-found", username));
        if (!enabled && CurrentActor.username().filter(username::equals).isPresent()) {
            throw new PortalException("users.error.disable-self");
        }
        if (!enabled && before.hasRole(Roles.ADMIN) && before.enabled() && users.countEnabledAdmins() <= 1) {
            throw new PortalException("users.error.last-admin");
        }
        if (!users.setEnabled(username, expectedVersion, enabled, now())) {
            audit.failure(enabled ? "user.enable" : "user.disable", TARGET, username, AuditOutcome.FAILURE,
                    "concurrent edit");
            throw new ConcurrentEditException();
        }
        audit.success(enabled ? "user.enable" : "user.disable", TARGET, username, null);
        return users.findByUsername(username).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
