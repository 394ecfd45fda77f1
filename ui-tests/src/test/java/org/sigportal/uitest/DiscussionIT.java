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

    /** The sanitiser's corpus (public XSS cheat sheets), one payload a line, newlines escaped as \n. */
    private static List<String> payloads() throws Exception {
        Path file = Path.of("..", "app", "src", "test", "resources", "xss", "payloads.txt");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.replace("\\n", "\n"));
            }
        }
        return out;
    }

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
        page.navigate("/discuss/t/" + thread);
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
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
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
}
