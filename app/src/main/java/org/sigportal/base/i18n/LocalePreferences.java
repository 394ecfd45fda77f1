package org.sigportal.base.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a signed-in user's language choice is remembered across browsers. Implemented by the identity
 * feature; the base only knows this interface, so it does not depend on identity.
 */
public interface LocalePreferences {

    Optional<Locale> preferredLocale(String username);

    void rememberLocale(String username, Locale locale);
}
