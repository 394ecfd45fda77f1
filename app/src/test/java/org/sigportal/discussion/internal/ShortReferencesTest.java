package org.sigportal.discussion.internal;

import org.junit.jupiter.api.Test;
import org.sigportal.base.markdown.MarkdownProperties;
import org.sigportal.base.markdown.SafeMarkdown;
import org.sigportal.notification.internal.Mentions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ShortReferencesTest {

    private final SafeMarkdown markdown = new SafeMarkdown(MarkdownProperties.defaults())
            .withPostProcessors(new ShortReferences());

    @Test
    void referencesAndMentionsBecomeLinksInsideThePortal() {
        String html = markdown.render("See REQ-12 and MTG-3, like T-45 said; thanks @zhang.wei!");
        assertThat(html).contains("<a href=\"/requirements/12\"").contains(">REQ-12</a>")
                .contains("<a href=\"/meetings/3\"").contains("<a href=\"/discuss/t/45\"")
                .contains("<a href=\"/discuss?q&#61;%40zhang.wei\"").contains(">&#64;zhang.wei</a>!");
    }

    @Test
    void codeLinksAndLookalikesAreLeftAlone() {
        String html = markdown.render("`REQ-1` and [REQ-2](https://example.org) and FREQ-3, mail a@b.cn\n\n"
                + "```\nMTG-4 @x.y\n```");
        assertThat(html).doesNotContain("/requirements/1\"").doesNotContain("/requirements/2")
                .doesNotContain("/requirements/3").doesNotContain("/meetings/4").doesNotContain("q&#61;%40b.cn");
        assertThat(ShortReferences.mentions("hi @alice.chen and @bob_k, not `@code` nor a@b.cn\n```\n@x\n```"))
                .containsExactly("alice.chen", "bob_k");
    }

    /** Every name the notifications tell is a name the post links, and the other way round, whatever its case. */
    @Test
    void linkedMentionsAreExactlyTheNotifiedOnes() {
        List<String> texts = List.of(
                "Thanks @Alice and @bob_2, see **@carol-x**!",
                "Ask @Mona. Or (@NICK), @omar: yes",
                "mail ivan@example.org or https://example.org/@judy or @jo or x@@kim",
                "@lee@example.org is elsewhere, but @Zhang.Wei is here",
                "> quoted @Gina\n\n- listed @hank_\n\n`@dave` and\n\n```\n@erin\n```");
        for (String text : texts) {
            Set<String> linked = new LinkedHashSet<>();
            Matcher m = Pattern.compile("href=\"/discuss\\?q&#61;%40([^\"]+)\"").matcher(markdown.render(text));
            while (m.find()) {
                linked.add(m.group(1));
            }
            Set<String> notified = new LinkedHashSet<>(Mentions.in(text));
            // A name ending a sentence is told under both forms and linked under the shorter one.
            notified.removeIf(n -> n.matches(".*[._-]") && notified.contains(n.replaceAll("[._-]+$", "")));
            assertThat(linked).as(text).containsExactlyElementsOf(notified);
        }
        assertThat(markdown.render("Hi @Alice.")).contains("<a href=\"/discuss?q&#61;%40alice\"")
                .contains(">&#64;Alice</a>.");
    }

    @Test
    void onlyTheAddressesItMakesCountAsReferences() {
        assertThat(ShortReferences.isReference("/requirements/12")).isTrue();
        assertThat(ShortReferences.isReference("/discuss/t/45")).isTrue();
        assertThat(ShortReferences.isReference("/discuss?q=%40zhang.wei")).isTrue();
        assertThat(ShortReferences.isReference("/discuss/t/45/../../login")).isFalse();
        assertThat(ShortReferences.isReference("https://example.org/discuss/t/1")).isFalse();
        assertThat(ShortReferences.isReference("mailto:a@example.org")).isFalse();
    }
}
