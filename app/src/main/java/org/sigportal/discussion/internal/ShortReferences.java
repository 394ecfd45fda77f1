package org.sigportal.discussion.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.sigportal.base.markdown.MentionSyntax;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short references in member text become links inside the portal: {@code REQ-12} to requirement 12, {@code MTG-3}
 * to meeting 3, {@code T-45} to thread 45, and {@code @name} to that member's posts. Text inside code and inside
 * links is left alone. The links then pass the same address rules and sanitiser as any other. Mentions are read
 * with {@link MentionSyntax}, as the notifications read them, so a linked name is a notified name.
 */
public final class ShortReferences implements PostProcessor {

    /** Groups 1 and 2: a reference's kind and number; group 3: a mentioned name as written. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/@.-])(?:(REQ|MTG|T)-(\\d{1,9}))(?![\\p{L}\\p{N}_])|"
                    + MentionSyntax.PATTERN.pattern());
    /** The addresses {@link #process} links to, and only those. */
    private static final Pattern DESTINATION = Pattern.compile(
            "/(requirements|meetings|discuss/t)/\\d{1,9}|/discuss\\?q=%40[a-z0-9][a-z0-9._-]{2,31}");

    @Override
    public Node process(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                // no references inside a link's text
            }

            @Override
            public void visit(Code code) {
                // nor inside inline code (code blocks are not Text nodes)
            }

            @Override
            public void visit(Text text) {
                link(text);
            }
        });
        return document;
    }

    private static void link(Text text) {
        String literal = text.getLiteral();
        Matcher m = REFERENCE.matcher(literal);
        if (!m.find()) {
            return;
        }
        int last = 0;
        Node anchor = text;
        m.reset();
        while (m.find()) {
            if (m.start() > last) {
                anchor = insertAfter(anchor, new Text(literal.substring(last, m.start())));
            }
            // A sentence may end right after a name: the '.' stays text, as in "ask @mona."
            String name = m.group(3) == null ? null : MentionSyntax.withoutSentenceEnd(m.group(3));
            String destination = name != null ? "/discuss?q=" + "%40" + name.toLowerCase(Locale.ROOT)
                    : switch (m.group(1)) {
                        case "REQ" -> "/requirements/" + m.group(2);
                        case "MTG" -> "/meetings/" + m.group(2);
                        default -> "/discuss/t/" + m.group(2);
                    };
            int end = name != null ? m.start() + 1 + name.length() : m.end();
            Link link = new Link(destination, null);
            link.appendChild(new Text(literal.substring(m.start(), end)));
            anchor = insertAfter(anchor, link);
            last = end;
        }
        if (last < literal.length()) {
            insertAfter(anchor, new Text(literal.substring(last)));
        }
        text.unlink();
    }

    private static Node insertAfter(Node anchor, Node node) {
        anchor.insertAfter(node);
        return node;
    }

    /** The member names mentioned in a text ({@code @name}), outside code, in lower case: as the notifications read them. */
    public static java.util.Set<String> mentions(String markdown) {
        return MentionSyntax.names(markdown, Integer.MAX_VALUE);
    }

    /**
     * Whether an address (as the sanitised HTML holds it, entities decoded) is one this post-processor makes: a
     * reference or a mention inside the portal, not a link a member wrote.
     */
    public static boolean isReference(String href) {
        return DESTINATION.matcher(href).matches();
    }
}
