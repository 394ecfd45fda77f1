package org.sigportal.base;

import org.junit.jupiter.api.Test;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.sigportal.base.i18n.SupportedLocales;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages say everything: same keys, no empty texts, valid placeholders. */
class MessageBundlesTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @Test
    void noTextIsEmptyAndPlaceholdersMatch() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(zh.getProperty(key)).as(key).isNotBlank();
            assertThat(new MessageFormat(zh.getProperty(key)).getFormats().length).as(key)
                    .isEqualTo(new MessageFormat(en.getProperty(key)).getFormats().length);
        }
    }

    @Test
    void theChineseBundleIsReallyChinese() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        long chinese = zh.stringPropertyNames().stream().filter(k -> HAN.matcher(zh.getProperty(k)).find()).count();
        assertThat(chinese).isGreaterThan(zh.size() * 9L / 10);
    }

    @Test
    void translationsFollowTheLocaleAndNeverTheServersDefault() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(PortalI18NProvider.translate("nav.sign-in", Locale.ENGLISH)).isEqualTo("Sign in");
            assertThat(PortalI18NProvider.translate("nav.sign-in", Locale.GERMAN)).isEqualTo("Sign in");
            assertThat(PortalI18NProvider.translate("nav.sign-in", Locale.TRADITIONAL_CHINESE)).isEqualTo("登录");
            assertThat(PortalI18NProvider.translate("home.welcome", SupportedLocales.CHINESE, "李娜"))
                    .isEqualTo("欢迎,李娜");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
