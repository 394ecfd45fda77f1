package org.sigportal.base.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the language of each new UI: a signed-in user's stored choice, else the language cookie this
 * browser remembers, else the browser's own language (Vaadin's default match against the provided locales).
 */
@Component
public class LocaleSelection implements VaadinServiceInitListener {

    public static final String COOKIE = "portal-lang";

    private final ObjectProvider<LocalePreferences> preferences;

    public LocaleSelection(ObjectProvider<LocalePreferences> preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            UI ui = uiEvent.getUI();
            chosenLocale(VaadinRequest.getCurrent()).ifPresent(locale -> {
                ui.setLocale(locale);
                ui.getSession().setLocale(locale);
            });
            // Screen readers, fonts and hyphenation follow the page's language.
            ui.getPage().executeJs("document.documentElement.lang = $0", SupportedLocales.toTag(ui.getLocale()));
        });
    }

    private Optional<Locale> chosenLocale(@Nullable VaadinRequest request) {
        Optional<String> user = CurrentActor.username();
        LocalePreferences store = preferences.getIfAvailable();
        if (user.isPresent() && store != null) {
            Optional<Locale> stored = store.preferredLocale(user.get());
            if (stored.isPresent()) {
                return stored;
            }
        }
        if (request == null) {
            return Optional.empty();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .flatMap(c -> SupportedLocales.fromTag(c.getValue()));
    }

    /** Switches the current UI's language, remembers it in this browser and, when signed in, in the profile. */
    public void switchTo(Locale locale) {
        Locale chosen = SupportedLocales.bestMatch(locale);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, SupportedLocales.toTag(chosen));
            cookie.setPath("/");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        LocalePreferences store = preferences.getIfAvailable();
        CurrentActor.username().ifPresent(user -> {
            if (store != null) {
                store.rememberLocale(user, chosen);
            }
        });
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getSession().setLocale(chosen);
            ui.setLocale(chosen);
            // Every view re-renders in the new language on reload; simpler and surer than patching each label.
            ui.getPage().reload();
        }
    }
}
