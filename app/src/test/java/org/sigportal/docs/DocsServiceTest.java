package org.sigportal.docs;

import org.junit.jupiter.api.Test;
import org.sigportal.base.i18n.SupportedLocales;

import static org.assertj.core.api.Assertions.assertThat;

/** The documentation shipped by docs-site renders in both languages, with a table of contents. */
class DocsServiceTest {

    private final DocsService docs = new DocsService();

    @Test
    void bothLanguagesHaveAGettingStartedPageFirst() {
        assertThat(docs.tableOfContents(SupportedLocales.ENGLISH)).first()
                .satisfies(p -> assertThat(p.title()).isEqualTo("Getting started"));
        assertThat(docs.tableOfContents(SupportedLocales.CHINESE)).first()
                .satisfies(p -> assertThat(p.title()).isEqualTo("入门"));
        assertThat(docs.tableOfContents(SupportedLocales.CHINESE)).allSatisfy(p -> assertThat(p.translated()).isTrue());
    }

    @Test
    void everyPageIsTranslated() {
        assertThat(docs.tableOfContents(SupportedLocales.CHINESE)).extracting(DocPage::slug)
                .containsExactlyElementsOf(docs.tableOfContents(SupportedLocales.ENGLISH).stream()
                        .map(DocPage::slug).toList())
                .contains("single-sign-on", "api-tokens");
    }

    @Test
    void pagesRenderMarkdownToHtml() {
        DocPage page = docs.page("getting-started", SupportedLocales.ENGLISH).orElseThrow();
        assertThat(page.html()).contains("<h1 id=\"getting-started\">Getting started</h1>").contains("<table>");
    }

    @Test
    void slugsCannotEscapeTheDocsFolder() {
        assertThat(docs.page("../application", SupportedLocales.ENGLISH)).isEmpty();
        assertThat(docs.page("../../i18n/messages", SupportedLocales.ENGLISH)).isEmpty();
        assertThat(docs.page("no-such-page", SupportedLocales.ENGLISH)).isEmpty();
    }
}
