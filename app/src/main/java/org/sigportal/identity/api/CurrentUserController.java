package org.sigportal.identity.api;

import org.sigportal.base.ApiScope;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.identity.UserAccount;
import org.sigportal.identity.UserAccountService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** The caller's own account over REST: {@code GET /api/v1/me} and their notification preferences. */
@RestController
@RequestMapping("/api/v1/me")
class CurrentUserController {

    record Me(String username, String displayName, Set<String> roles, String locale) {
    }

    private final UserAccountService accounts;

    CurrentUserController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('" + ApiScope.READ_AUTHORITY + "')")
    Me me() {
        UserAccount account = accounts.currentAccount();
        return new Me(account.username(), account.displayName(), account.roles(),
                account.locale() == null ? "" : account.locale());
    }

    @GetMapping("/notification-preferences")
    @PreAuthorize("hasAuthority('" + ApiScope.READ_AUTHORITY + "')")
    NotificationPreferences preferences() {
        return accounts.preferences();
    }

    @PutMapping("/notification-preferences")
    NotificationPreferences updatePreferences(@RequestBody NotificationPreferences preferences) {
        accounts.updatePreferences(preferences);
        return accounts.preferences();
    }
}
