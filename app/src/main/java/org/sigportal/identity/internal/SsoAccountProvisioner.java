package org.sigportal.identity.internal;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.Roles;
import org.sigportal.base.i18n.SupportedLocales;
import org.sigportal.identity.UserAccount;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a provider's identity into a portal account. A known (provider, subject) signs in to its account. An
 * unknown one is linked to an existing account only when the signed-in user asked for it from their profile,
 * or when the provider vouches for the same verified e-mail as the account's verified e-mail; otherwise a new
 * member account is created. Display name and avatar follow the provider; mapped roles are refreshed.
 */
@Component
class SsoAccountProvisioner {

    static final String LINK_INTENT = SsoAccountProvisioner.class.getName() + ".link";

    private final JooqUserRepository users;
    private final JooqIdentityLinkRepository links;
    private final AuditService audit;
    private final SsoProperties properties;
    private final Clock clock;

    SsoAccountProvisioner(JooqUserRepository users, JooqIdentityLinkRepository links, AuditService audit,
                          SsoProperties properties, Clock clock) {
        this.users = users;
        this.links = links;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The portal account for this identity, created or linked as needed; refused with an OAuth2 error code. */
    @Transactional(noRollbackFor = OAuth2AuthenticationException.class)
    public UserAccount signIn(ExternalIdentity identity) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<String> linkFor = takeLinkIntent();
        UserAccount account = links.find(identity.provider(), identity.subject())
                .map(link -> {
                    if (linkFor.isPresent()) {
                        UserAccount owner = users.findById(link.userId()).orElseThrow();
                        if (!owner.username().equals(linkFor.get())) {
                            refuse(identity, "identity_linked_elsewhere");
                        }
                    }
                    links.touch(identity.provider(), identity.subject(), identity.email(), now);
                    return users.findById(link.userId()).orElseThrow();
                })
                .orElseGet(() -> linkOrCreate(identity, linkFor, now));
        if (!account.enabled()) {
            refuse(identity, "account_disabled");
        }
        users.updateFromProvider(account.id(), displayName(identity, account.displayName()), identity.avatarUrl(), now);
        users.replaceMappedRoles(account.id(), "sso:" + identity.provider(), mappedRoles(identity));
        return users.findById(account.id()).orElseThrow();
    }

    private UserAccount linkOrCreate(ExternalIdentity identity, Optional<String> linkFor, OffsetDateTime now) {
        if (linkFor.isPresent()) {
            UserAccount me = users.findByUsername(linkFor.get()).orElseThrow();
            if (links.userHasProvider(me.id(), identity.provider())) {
                refuse(identity, "provider_already_linked");
            }
            links.insert(me.id(), identity.provider(), identity.subject(), identity.email(), now);
            audit.recordAs(me.username(), "account.sso-link", "user", me.username(), AuditOutcome.SUCCESS,
                    identity.provider());
            return me;
        }
        if (identity.email() != null) {
            if (identity.emailVerified()) {
                Optional<UserAccount> sameEmail = users.findByVerifiedEmail(identity.email());
                if (sameEmail.isPresent() && !links.userHasProvider(sameEmail.get().id(), identity.provider())) {
                    links.insert(sameEmail.get().id(), identity.provider(), identity.subject(), identity.email(), now);
                    audit.recordAs(sameEmail.get().username(), "account.sso-link", "user", sameEmail.get().username(),
                            AuditOutcome.SUCCESS, identity.provider() + " (same verified e-mail)");
                    return sameEmail.get();
                }
            }
            if (users.emailExists(identity.email())) {
                // An account uses this address but nobody vouched for both: its owner must link explicitly.
                refuse(identity, "email_in_use");
            }
        }
        String username = freeUsername(identity);
        long id = users.insert(username, displayName(identity, username), identity.email(), null,
                Set.of(Roles.MEMBER), false, now);
        users.insertSsoDetails(id, identity.email() != null && identity.emailVerified(), identity.avatarUrl(),
                SupportedLocales.fromTag(identity.locale()).map(SupportedLocales::toTag).orElse(null));
        links.insert(id, identity.provider(), identity.subject(), identity.email(), now);
        audit.recordAs(username, "account.sso-sign-up", "user", username, AuditOutcome.SUCCESS, identity.provider());
        return users.findById(id).orElseThrow();
    }

    private Set<String> mappedRoles(ExternalIdentity identity) {
        Set<String> roles = new LinkedHashSet<>();
        for (String value : identity.claimValues()) {
            String role = properties.roleMapping().get(value);
            if (role != null && Roles.isKnown(role.toUpperCase(Locale.ROOT))) {
                roles.add(role.toUpperCase(Locale.ROOT));
            }
        }
        return roles;
    }

    private void refuse(ExternalIdentity identity, String code) {
        audit.recordAs("anonymous", "auth.sso-sign-in", "identity", identity.provider() + ":" + identity.subject(),
                AuditOutcome.DENIED, code);
        throw new OAuth2AuthenticationException(new OAuth2Error(code), code);
    }

    private static String displayName(ExternalIdentity identity, String fallback) {
        String name = identity.name() != null ? identity.name() : identity.preferredUsername();
        if (name == null || name.isBlank()) {
            return fallback;
        }
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    /** A free user name derived from what the provider calls the person: {@code li.na}, {@code li.na-2}, ... */
    String freeUsername(ExternalIdentity identity) {
        String base = identity.preferredUsername();
        if (base == null && identity.email() != null) {
            base = identity.email().substring(0, identity.email().indexOf('@'));
        }
        String candidate = normalise(base == null ? "member" : base);
        String name = candidate;
        for (int i = 2; users.usernameExists(name); i++) {
            String suffix = "-" + i;
            name = candidate.substring(0, Math.min(candidate.length(), 32 - suffix.length())) + suffix;
        }
        return name;
    }

    static String normalise(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[._-]+", "");
        if (s.length() < 3) {
            s = (s + "-member").replaceAll("^[._-]+", "");
        }
        return s.length() > 32 ? s.substring(0, 32) : s;
    }

    /** The signed-in user who asked to link this provider, if the request carries that wish. */
    private Optional<String> takeLinkIntent() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpSession session = attributes.getRequest().getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object wanted = session.getAttribute(LINK_INTENT);
        session.removeAttribute(LINK_INTENT);
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (wanted instanceof String username && current != null && current.isAuthenticated()
                && !(current instanceof AnonymousAuthenticationToken) && username.equals(current.getName())) {
            return Optional.of(username);
        }
        return Optional.empty();
    }
}
