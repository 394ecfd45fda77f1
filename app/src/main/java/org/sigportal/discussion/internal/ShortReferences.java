package org.sigportal.discussion.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short references in member text become links inside the portal: {@code REQ-12} to requirement 12, {@code MTG-3}
 * to meeting 3, {@code T-45} to thread 45, and {@code @name} to that member's posts. Text inside code and inside
 * links is left alone. The links then pass the same address rules and sanitiser as any other.
 */
public final class ShortReferences implements PostProcessor {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/@.-])(?:(REQ|MTG|T)-(\\d{1,9})|@([a-z0-9][a-z0-9._-]{1,62}[a-z0-9]))(?![\\p{L}\\p{N}_])");

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
            String destination = m.group(3) != null ? "/discuss?q=" + "%40" + m.group(3)
                    : switch (m.group(1)) {
                        case "REQ" -> "/requirements/" + m.group(2);
                        case "MTG" -> "/meetings/" + m.group(2);
                        default -> "/discuss/t/" + m.group(2);
                    };
            Link link = new Link(destination, null);
            link.appendChild(new Text(m.group()));
            anchor = insertAfter(anchor, link);
            last = m.end();
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

    /** The member names mentioned in a text ({@code @name}), outside code. */
    public static java.util.Set<String> mentions(String markdown) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        String withoutCode = markdown.replaceAll("(?s)```.*?```", " ").replaceAll("`[^`]*`", " ");
        Matcher m = REFERENCE.matcher(withoutCode);
        while (m.find()) {
            if (m.group(3) != null) {
                names.add(m.group(3));
            }
        }
        return names;
    }
}
