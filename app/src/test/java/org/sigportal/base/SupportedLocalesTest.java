package org.sigportal.base;

import org.junit.jupiter.api.Test;
import org.sigportal.base.i18n.SupportedLocales;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SupportedLocalesTest {

    @Test
    void storedTagsParseToALanguageWeSpeakOrNothing() {
        assertThat(SupportedLocales.fromTag("zh-CN")).contains(SupportedLocales.CHINESE);
        assertThat(SupportedLocales.fromTag("zh")).contains(SupportedLocales.CHINESE);
        assertThat(SupportedLocales.fromTag("en-US")).contains(SupportedLocales.ENGLISH);
        assertThat(SupportedLocales.fromTag("fr")).isEmpty();
        assertThat(SupportedLocales.fromTag("")).isEmpty();
        assertThat(SupportedLocales.fromTag(null)).isEmpty();
        assertThat(SupportedLocales.fromTag("<script>")).isEmpty();
    }

    @Test
    void tagsRoundTrip() {
        assertThat(SupportedLocales.toTag(Locale.SIMPLIFIED_CHINESE)).isEqualTo("zh-CN");
        assertThat(SupportedLocales.toTag(Locale.UK)).isEqualTo("en");
    }
}
