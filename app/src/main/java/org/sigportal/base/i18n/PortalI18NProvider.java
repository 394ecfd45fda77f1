package org.sigportal.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible string comes from the bundles {@code i18n/messages*.properties} (English is the base
 * bundle, zh-CN the other). No fallback to the JVM's default locale, so the server's locale never leaks in.
 */
@Component
public class PortalI18NProvider implements I18NProvider {

    public static final String BUNDLE = "i18n/messages";
    private static final Logger log = LoggerFactory.getLogger(PortalI18NProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return SupportedLocales.ALL;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return translate(key, locale, params);
    }

    /** Static access for code that runs outside a Vaadin UI (mails, REST errors, tests). */
    public static String translate(String key, Locale locale, Object... params) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, SupportedLocales.bestMatch(locale), NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing translation for key '{}' in {}", key, locale);
            return "!" + key;
        }
        if (params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, SupportedLocales.bestMatch(locale)).format(params);
    }
}
