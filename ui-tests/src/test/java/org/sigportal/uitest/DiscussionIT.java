package org.sigportal.uitest;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The discussions in a real browser: the whole XSS corpus posted as Markdown and shown, with no script running;
 * search in Chinese with highlighted matches; and two editors of one post ending in a conflict that shows both
 * texts.
 */
class DiscussionIT extends PortalBrowserTest {

    private static final java.util.regex.Pattern ESCAPE =
            java.util.regex.Pattern.compile("\\\\n|\\\\t|\\\\x\\{([0-9A-Fa-f]{1,6})}");

    /**
     * The sanitiser's corpus (public XSS cheat sheets), read as XssCorpusTest reads it: one payload a line, lines
     * starting with '# ' (or a lone '#') are comments, and \n, \t and \x{HEX} stand for characters a text file
     * cannot hold.
     */
    private static List<String> payloads() throws Exception {
        Path file = Path.of("..", "app", "src", "test", "resources", "xss", "payloads.txt");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.equals("#") || line.startsWith("# ")) {
                continue;
            }
            java.util.regex.Matcher m = ESCAPE.matcher(line);
            StringBuilder decoded = new StringBuilder();
            while (m.find()) {
                String replacement = switch (m.group()) {
                    case "\\n" -> "\n";
                    case "\\t" -> "\t";
                    default -> Character.toString(Integer.parseInt(m.group(1), 16));
                };
                m.appendReplacement(decoded, java.util.regex.Matcher.quoteReplacement(replacement));
            }
            m.appendTail(decoded);
            out.add(decoded.toString());
        }
        return out.stream().distinct().toList();
    }

    /**
     * Installed before any page script: every way a payload could show that it ran (a dialog, print, a write to
     * document.cookie; a navigation is checked apart) is recorded in window.__ran, which the page's own
     * scripts never touch.
     */
    private static final String TRIPWIRE = """
            (() => {
              const ran = [];
              Object.defineProperty(window, '__ran', { value: ran });
              for (const name of ['alert', 'confirm', 'prompt', 'print']) {
                const original = window[name];
                window[name] = function (...args) { ran.push(name); return original.apply(this, args); };
              }
              const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
              Object.defineProperty(document, 'cookie', {
                get() { return cookie.get.call(document); },
                set(v) { ran.push('cookie'); cookie.set.call(document, v); }
              });
            })();
            """;

    private String token(Page page) {
        page.navigate("/account");
        page.locator("#create-token").click();
        page.locator("#token-name input").fill("discussions " + System.nanoTime());
        page.locator("#token-scopes vaadin-checkbox:has-text('Write in the community')").click();
        page.locator("#token-create-submit").click();
        String secret = page.locator("#token-secret input").inputValue();
        page.locator("#token-done").click();
        return secret;
    }

    private HttpResponse<String> api(String token, String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Test
    void hostilePostsRenderWithoutRunningAnyScript() throws Exception {
        signInAsAdmin(page);
        String token = token(page);
        List<String> payloads = payloads();
        org.assertj.core.api.Assertions.assertThat(payloads).hasSizeGreaterThan(500);
        var created = api(token, "POST", "/api/v1/discussions/threads", "{\"categoryId\":"
                + firstCategory(token) + ",\"title\":\"XSS corpus\",\"body\":" + json(payloads.getFirst())
                + ",\"tags\":[\"security\"]}");
        org.assertj.core.api.Assertions.assertThat(created.statusCode()).isEqualTo(201);
        String thread = created.body().replaceAll("\\D", "");
        // Forty payloads a reply, each in its own paragraph, and once more inside a link and an image.
        for (int i = 1; i < payloads.size(); i += 40) {
            StringBuilder body = new StringBuilder();
            for (String p : payloads.subList(i, Math.min(payloads.size(), i + 40))) {
                body.append(p).append("\n\n[x](").append(p).append(")\n\n![y](").append(p).append(")\n\n");
            }
            var reply = api(token, "POST", "/api/v1/discussions/threads/" + thread + "/replies",
                    "{\"body\":" + json(body.toString()) + "}");
            org.assertj.core.api.Assertions.assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        }

        AtomicInteger dialogs = new AtomicInteger();
        page.onDialog(d -> {
            dialogs.incrementAndGet();
            d.dismiss();
        });
        page.addInitScript(TRIPWIRE);
        page.navigate("/discuss/t/" + thread);
        String address = page.url();
        assertThat(page.locator("#thread-title")).hasText("XSS corpus");
        assertThat(page.locator("#posts .post")).hasCount((payloads.size() - 1 + 39) / 40 + 1);
        page.locator("#posts .post").last().scrollIntoViewIfNeeded();
        // Hover and click over the rendered posts, as a reader would.
        for (var body : page.locator(".post-body").all()) {
            body.hover();
        }
        page.waitForTimeout(1500);
        org.assertj.core.api.Assertions.assertThat(dialogs.get()).as("dialogs opened by posts").isZero();
        Object unsafe = page.evaluate("""
                () => {
                  const bad = [];
                  for (const el of document.querySelectorAll('.post-body *')) {
                    if (['SCRIPT','IFRAME','OBJECT','EMBED','SVG','MATH','STYLE','BASE','FORM','META','LINK']
                        .includes(el.tagName.toUpperCase())) bad.push(el.tagName);
                    for (const a of el.attributes) {
                      if (a.name.startsWith('on') || a.name === 'style' || a.name === 'srcdoc') bad.push(a.name);
                      if ((a.name === 'href' || a.name === 'src')
                          && !/^(https?:|mailto:|\\/[^\\/])/i.test(a.value.trim())) bad.push(a.name + '=' + a.value);
                    }
                  }
                  return bad.join(' | ');
                }""");
        org.assertj.core.api.Assertions.assertThat(unsafe).isEqualTo("");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__ran.join(',')"))
                .as("script run by posts").isEqualTo("");
        org.assertj.core.api.Assertions.assertThat(page.url()).as("no post navigated away").isEqualTo(address);

        // The control: the same tripwire does see a script that runs in this page, so the quiet above means
        // something. An unsanitised image with an error handler, as the corpus has by the dozen:
        page.evaluate("() => document.querySelector('.post-body').insertAdjacentHTML('beforeend', "
                + "'<img src=\"data:,x\" onerror=\"alert(1)\">')");
        page.waitForCondition(() -> dialogs.get() == 1);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__ran.join(',')")).isEqualTo("alert");
    }

    private String firstCategory(String token) throws Exception {
        String body = api(token, "GET", "/api/v1/discussions/categories", "").body();
        return body.replaceAll("(?s)^\\[\\{\"id\":(\\d+).*$", "$1");
    }

    @Test
    void searchFindsChinesePostsAndMarksTheMatches() {
        page.navigate("/discuss?q=" + java.net.URLEncoder.encode("存储", StandardCharsets.UTF_8));
        assertThat(page.locator("#search-results")).containsText("云原生存储方案选型");
        assertThat(page.locator("#search-results mark").first()).hasText("存储");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/discussion-search.png")));
    }

    @Test
    void twoEditorsOfOnePostEndInAConflictThatShowsBothTexts() {
        signInAsAdmin(page);
        page.navigate("/discuss");
        page.locator("#new-thread").click();
        page.locator("#thread-title-field input").fill("Conflict " + System.nanoTime());
        page.locator("#thread-body textarea").fill("The first text.");
        page.locator("#create-thread").click();
        assertThat(page.locator("#thread-title")).containsText("Conflict");
        page.waitForURL("**/discuss/t/*");
        String url = page.url();

        Page other = newPage("en-US");
        signInAsAdmin(other);
        other.navigate(url);
        assertThat(other.locator("#posts")).containsText("The first text.");
        other.locator("#posts vaadin-button[id^='edit-']").first().click();
        page.locator("#posts vaadin-button[id^='edit-']").first().click();

        page.locator("#edit-editor textarea").fill("Saved first by the first editor.");
        page.locator("#save-edit").click();
        assertThat(page.locator("#posts")).containsText("Saved first by the first editor.");

        other.locator("#edit-editor textarea").fill("The second editor's text.");
        other.locator("#save-edit").click();
        assertThat(other.locator("#conflict-yours textarea")).hasValue("The second editor's text.");
        assertThat(other.locator("#conflict-theirs textarea")).hasValue("Saved first by the first editor.");
        other.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/edit-conflict.png")));
        other.locator("#conflict-save-mine").click();
        assertThat(other.locator("#posts")).containsText("The second editor's text.");
        // The replaced texts are in the history, for everyone.
        other.locator("#posts vaadin-button[id^='history-']").first().click();
        assertThat(other.locator("#history-dialog")).containsText("Saved first by the first editor.");
        assertThat(other.locator("#history-dialog")).containsText("The first text.");
    }

    @Test
    void aReplyQuotesAPostMentionsAMemberFromThePickerAndPreviewsAsItWillBePublished() {
        signInAsAdmin(page);
        page.navigate("/discuss");
        page.locator("#new-thread").click();
        page.locator("#thread-title-field input").fill("Quote " + System.nanoTime());
        page.locator("#thread-body textarea").fill("Original words about **RunD**.");
        page.locator("#create-thread").click();
        page.waitForURL("**/discuss/t/*");
        assertThat(page.locator("#posts")).containsText("Original words about RunD.");

        page.locator("#posts vaadin-button[id^='quote-']").first().click();
        assertThat(page.locator("#reply-editor textarea")).hasValue(java.util.regex.Pattern.compile(
                "^> \\*\\*@admin\\*\\*:\n> Original words about \\*\\*RunD\\*\\*\\..*",
                java.util.regex.Pattern.DOTALL));

        page.locator("#reply-editor textarea").press("End");
        page.locator("#reply-editor textarea").pressSequentially("Agreed, ");
        page.locator("#reply-editor-mention input").fill("admi");
        page.locator("vaadin-combo-box-item:has-text('@admin')").first().click();
        assertThat(page.locator("#reply-editor textarea")).hasValue(java.util.regex.Pattern.compile(".*@admin $",
                java.util.regex.Pattern.DOTALL));

        page.locator("#reply-editor-preview-tab").click();
        var preview = page.locator("#reply-editor .markdown-preview");
        assertThat(preview.locator("blockquote strong").last()).hasText("RunD");
        assertThat(preview.locator("a", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("@admin"))
                .last()).hasAttribute("href", java.util.regex.Pattern.compile(".*admin.*"));
        assertThat(page.locator("#reply-editor textarea")).isHidden();

        page.locator("#post-reply").click();
        assertThat(page.locator("#posts .post")).hasCount(2);
        assertThat(page.locator("#posts .post").last().locator("blockquote")).containsText("Original words about");
        assertThat(page.locator("#posts .post").last()).containsText("Agreed,");
    }
}
