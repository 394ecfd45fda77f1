package org.sigportal.base.markdown;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.support.H2Database;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XSS corpus through the renderer the discussions really use, as the portal configures it: the service's
 * own Markdown (with short references and mentions) behind {@link DiscussionService#preview}, which renders posts,
 * previews and edit histories alike. Every payload in every Markdown context of {@link XssCorpusTest}, and next to
 * and inside the references and mentions the service turns into links, is held to the same {@link SafeHtml} rules.
 */
@H2Database
class XssCorpusDiscussionH2Test {

    /** Where a payload can stand next to what only the discussions' renderer links. */
    private static final List<XssCorpusTest.Context> REFERENCE_CONTEXTS = List.of(
            new XssCorpusTest.Context("next to mentions", p -> "@alice " + p + " @Bob_2."),
            new XssCorpusTest.Context("glued to a mention", p -> "@alice" + p + " and " + p + "@bob"),
            new XssCorpusTest.Context("as a mentioned name", p -> "@" + p),
            new XssCorpusTest.Context("next to short references", p -> "REQ-12 " + p + " MTG-3 T-45"),
            new XssCorpusTest.Context("glued to a short reference", p -> "T-1" + p + " REQ-" + p),
            new XssCorpusTest.Context("references inside link text", p -> "[REQ-1 @alice " + p + "](" + p + ")"),
            new XssCorpusTest.Context("references in an emphasised quote", p -> "> **@alice T-2 " + p + "**"));

    @Autowired
    DiscussionService discussions;
    @Autowired
    MarkdownProperties properties;

    private Set<String> imageHosts() {
        return Set.copyOf(properties.imageHosts());
    }

    /** The service's renderer is the one with the references: else this test would test the bare renderer again. */
    @Test
    void theServiceRendersReferencesAndMentions() {
        String html = discussions.preview("See REQ-12 and T-45, thanks @Alice.");
        assertThat(html).contains("href=\"/requirements/12\"", "href=\"/discuss/t/45\"",
                "href=\"/discuss?q&#61;%40alice\"");
        assertThat(SafeHtml.problems(html, imageHosts())).isEmpty();
    }

    @TestFactory
    Stream<DynamicNode> everyPayloadInEveryContextRendersSafelyThroughTheService() {
        List<XssCorpusTest.Context> contexts = new ArrayList<>(XssCorpusTest.CONTEXTS);
        contexts.addAll(REFERENCE_CONTEXTS);
        Set<String> hosts = imageHosts();
        return XssCorpusTest.tests(payload -> SoftAssertions.assertSoftly(softly -> {
            for (XssCorpusTest.Context context : contexts) {
                String markdown = context.markdown().apply(payload);
                String html = discussions.preview(markdown);
                softly.assertThat(SafeHtml.problems(html, hosts))
                        .as("%s%nMarkdown: %s%nHTML: %s", context.name(), markdown, html).isEmpty();
            }
        }));
    }
}
