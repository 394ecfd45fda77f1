package org.sigportal.docs;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.sigportal.base.i18n.SupportedLocales;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The documentation shipped in the docs-site module: {@code docs/<language>/toc.txt} lists the pages in
 * order, each {@code <slug>.md} starts with its title. A page missing in Chinese falls back to English.
 * Raw HTML in the sources is escaped, so a page can only ever be Markdown.
 */
@Service
public class DocsService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private final Map<String, Optional<DocPage>> cache = new ConcurrentHashMap<>();

    /** The table of contents for a language: slugs and titles in reading order. */
    public List<DocPage> tableOfContents(Locale locale) {
        String toc = read(folder(locale) + "/toc.txt").or(() -> read("docs/en/toc.txt")).orElse("");
        return toc.lines().map(String::trim).filter(SLUG.asPredicate())
                .map(slug -> page(slug, locale)).flatMap(Optional::stream).toList();
    }

    public Optional<DocPage> page(String slug, Locale locale) {
        if (!SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        String lang = folder(locale);
        return cache.computeIfAbsent(lang + "/" + slug, k -> load(slug, lang));
    }

    private Optional<DocPage> load(String slug, String lang) {
        Optional<String> source = read(lang + "/" + slug + ".md");
        boolean translated = source.isPresent();
        if (source.isEmpty()) {
            source = read("docs/en/" + slug + ".md");
        }
        return source.map(md -> {
            Node document = parser.parse(md);
            return new DocPage(slug, title(document).orElse(slug), renderer.render(document),
                    translated || lang.endsWith("/en"));
        });
    }

    private static Optional<String> title(Node document) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 1) {
                StringBuilder sb = new StringBuilder();
                for (Node c = h.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof Text t) {
                        sb.append(t.getLiteral());
                    }
                }
                return Optional.of(sb.toString());
            }
        }
        return Optional.empty();
    }

    private static String folder(Locale locale) {
        return SupportedLocales.bestMatch(locale).equals(SupportedLocales.CHINESE) ? "docs/zh-CN" : "docs/en";
    }

    private static Optional<String> read(String path) {
        try (InputStream in = DocsService.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
