package org.sigportal.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.base.i18n.LocalePreferences;
import org.sigportal.base.i18n.SupportedLocales;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.NewThread;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.identity.NotificationPreferences.EmailDigest;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.H2Database;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail digests against a real SMTP server (GreenMail, started once on a free port): the mail sender the portal
 * configured from spring.mail.* is pointed at it for the test, and the digest is run directly, not by schedule.
 */
@H2Database
class EmailDigestH2Test {

    static GreenMail smtp;

    @Autowired
    EmailDigestService digests;
    @Autowired
    JavaMailSenderImpl sender;
    @Autowired
    DiscussionService discussions;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    UserAccountService accounts;
    @Autowired
    LocalePreferences locales;

    String savedHost;
    int savedPort;
    Properties savedProperties;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void pointTheSenderAtGreenMail() {
        savedHost = sender.getHost();
        savedPort = sender.getPort();
        savedProperties = sender.getJavaMailProperties();
        Properties plain = new Properties();
        plain.putAll(savedProperties);
        plain.setProperty("mail.smtp.starttls.enable", "false");
        sender.setJavaMailProperties(plain);
        sender.setHost(smtp.getSmtp().getBindTo());
        sender.setPort(smtp.getSmtp().getPort());
    }

    @AfterEach
    void restoreTheSender() {
        sender.setHost(savedHost);
        sender.setPort(savedPort);
        sender.setJavaMailProperties(savedProperties);
    }

    private String member(String prefix, Locale locale, EmailDigest digest) {
        String name = TestAccounts.uniqueUsername(prefix);
        accounts.signUp(new SignUpRequest(name, prefix.toUpperCase(Locale.ROOT), name + "@example.org",
                "member-password-1"));
        locales.rememberLocale(name, locale);
        NotificationContract.as(name, () -> {
            accounts.updatePreferences(new NotificationPreferences(true, true, true, digest));
            return null;
        });
        return name;
    }

    private List<MimeMessage> mailsTo(String username) {
        String address = username + "@example.org";
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void eachMemberGetsTheDigestInTheirLanguageOnceAndNothingIsMailedTwice() throws Exception {
        String li = member("li", SupportedLocales.CHINESE, EmailDigest.DAILY);
        String sam = member("sam", SupportedLocales.ENGLISH, EmailDigest.WEEKLY);
        String quiet = member("quiet", SupportedLocales.ENGLISH, EmailDigest.OFF);
        String author = member("author", SupportedLocales.ENGLISH, EmailDigest.OFF);
        String slug = "mail-" + TestAccounts.uniqueUsername("c").replaceAll("[^a-z0-9]", "");
        long category = SignedIn.asAdmin(() -> discussions.createCategory(slug, "Mail SIG " + slug, null)).id();
        for (String watcher : List.of(li, sam, quiet)) {
            NotificationContract.as(watcher, () -> subscriptions.watch(SubscriptionKind.CATEGORY,
                    String.valueOf(category)));
        }

        long thread = NotificationContract.as(author, () -> discussions.startThread(new NewThread(category,
                "RunD 安全容器的冷启动", "冷启动大约 **200ms**,欢迎讨论。", List.of())));

        assertThat(digests.sendDue()).isGreaterThanOrEqualTo(2);
        assertThat(mailsTo(li)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("云原生 SIG 门户:1 条新通知");
            String body = (String) mail.getContent();
            assertThat(body).contains("LI,您好", "AUTHOR 发起了“RunD 安全容器的冷启动”", "冷启动大约 200ms",
                    "/discuss/t/" + thread + "#post-").doesNotContain("**", "<strong>");
        });
        assertThat(mailsTo(sam)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("1 new notification on the Cloud Native SIG Portal");
            assertThat((String) mail.getContent()).contains("Hello SAM,", "AUTHOR started \"RunD 安全容器的冷启动\"");
        });
        assertThat(mailsTo(quiet)).isEmpty();

        // Nothing new: the second run mails nothing.
        int before = smtp.getReceivedMessages().length;
        digests.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(before);

        // New activity waits for the next day (li) or week (sam).
        NotificationContract.as(author, () -> discussions.reply(thread, "补充一下数据", null));
        digests.sendDue();
        assertThat(mailsTo(li)).hasSize(1);
        assertThat(mailsTo(sam)).hasSize(1);
    }

    @Test
    void theDigestLeavesOutWhatModeratorsHid() throws Exception {
        String reader = member("reader", SupportedLocales.ENGLISH, EmailDigest.DAILY);
        String author = member("writer", SupportedLocales.ENGLISH, EmailDigest.OFF);
        String slug = "hid-" + TestAccounts.uniqueUsername("c").replaceAll("[^a-z0-9]", "");
        long category = SignedIn.asAdmin(() -> discussions.createCategory(slug, "Hidden SIG " + slug, null)).id();
        NotificationContract.as(reader, () -> subscriptions.watch(SubscriptionKind.CATEGORY,
                String.valueOf(category)));
        long hiddenThread = NotificationContract.as(author, () -> discussions.startThread(new NewThread(category,
                "A thread to be hidden", "secret thread text", List.of())));
        long thread = NotificationContract.as(author, () -> discussions.startThread(new NewThread(category,
                "A thread that stays", "visible thread text", List.of())));
        long hiddenReply = NotificationContract.as(author, () -> discussions.reply(thread, "secret reply text",
                null));
        NotificationContract.asModerator(() -> {
            discussions.hideThread(hiddenThread, true);
            discussions.hidePost(hiddenReply, true);
            return null;
        });

        digests.sendDue();
        assertThat(mailsTo(reader)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("1 new notification on the Cloud Native SIG Portal");
            assertThat((String) mail.getContent()).contains("A thread that stays", "visible thread text")
                    .doesNotContain("secret", "A thread to be hidden");
        });
    }
}
