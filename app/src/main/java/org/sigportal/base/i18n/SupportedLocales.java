package org.sigportal.base.i18n;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the portal speaks: Simplified Chinese and English. */
public final class SupportedLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> ALL = List.of(ENGLISH, CHINESE);

    private SupportedLocales() {
    }

    /** Chinese for any {@code zh} locale, English otherwise. */
    public static Locale bestMatch(@Nullable Locale requested) {
        if (requested != null && "zh".equals(requested.getLanguage())) {
            return CHINESE;
        }
        return ENGLISH;
    }

    /** Parses a stored language tag such as {@code zh-CN} or {@code en}; empty when it is not one we speak. */
    public static Optional<Locale> fromTag(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale parsed = Locale.forLanguageTag(tag.trim());
        return ALL.stream().filter(l -> l.getLanguage().equals(parsed.getLanguage())).findFirst();
    }

    public static String toTag(Locale locale) {
        return bestMatch(locale).toLanguageTag();
    }
}
