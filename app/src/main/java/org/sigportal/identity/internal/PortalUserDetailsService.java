package org.sigportal.identity.internal;

import org.sigportal.identity.UserAccount;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/** Local sign-in: loads the account, its hash and its roles. Accounts without a local password cannot sign in here. */
@Service
class PortalUserDetailsService implements UserDetailsService {

    /** Matches no password: an account created by SSO or as demo content has no local password. */
    private static final String NO_PASSWORD = "{noop}\u0000no-local-password";

    private final JooqUserRepository users;

    PortalUserDetailsService(JooqUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String normalized = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        UserAccount account = users.findByUsername(normalized)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = users.passwordHash(normalized).orElse(null);
        return User.withUsername(account.username())
                .password(hash == null ? NO_PASSWORD : hash)
                .disabled(!account.enabled())
                .authorities(PortalAuthorities.forSession(account.roles()))
                .build();
    }
}
