package org.sigportal.discussion.internal;

import org.junit.jupiter.api.Test;
import org.sigportal.base.markdown.MarkdownProperties;
import org.sigportal.base.markdown.SafeMarkdown;

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
}
