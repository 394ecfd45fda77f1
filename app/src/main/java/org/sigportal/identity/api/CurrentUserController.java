package org.sigportal.identity.api;

import org.sigportal.identity.UserAccount;
import org.sigportal.identity.UserAccountService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** {@code GET /api/v1/me}: who the caller is and which roles they hold right now. */
@RestController
@RequestMapping("/api/v1")
class CurrentUserController {

    record Me(String username, String displayName, Set<String> roles, String locale) {
    }

    private final UserAccountService accounts;

    CurrentUserController(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    Me me() {
        UserAccount account = accounts.currentAccount();
        return new Me(account.username(), account.displayName(), account.roles(),
                account.locale() == null ? "" : account.locale());
    }
}
