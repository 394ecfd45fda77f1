package org.sigportal.identity.internal;

import org.sigportal.base.i18n.LocalePreferences;
import org.sigportal.base.i18n.SupportedLocales;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Optional;

/** Remembers a signed-in user's language in their account, so it follows them to other browsers. */
@Component
class StoredLocalePreferences implements LocalePreferences {

    private final JooqUserRepository users;

    StoredLocalePreferences(JooqUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Locale> preferredLocale(String username) {
        return users.findByUsername(username).flatMap(u -> SupportedLocales.fromTag(u.locale()));
    }

    @Override
    @Transactional
    public void rememberLocale(String username, Locale locale) {
        users.updateLocale(username, SupportedLocales.toTag(locale));
    }
}
