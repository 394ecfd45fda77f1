package org.sigportal.notification.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @username}s a Markdown text names, as a reader sees them: text in code spans and code blocks is
 * code, not a mention, and neither is an address such as {@code alice@example.org} or a path such as
 * {@code /@bob}. Candidates only: whether such an account exists is for the caller to check.
 */
public final class Mentions {

    /** More names than this in one post are ignored: a post is no mailing list. */
    public static final int MAX = 20;

    // A user name as sign-up allows it (AccountRules), not glued to a word, an address or a path before it.
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@/\\\\-])@([A-Za-z0-9][A-Za-z0-9._-]{2,31})(?![A-Za-z0-9._-]*@)");
    private static final Parser PARSER = Parser.builder().build();

    private Mentions() {
    }

    /**
     * Lower-case names in the order they appear. A name ending in '.', '-' or '_' (the end of a sentence) comes
     * with the same name without that ending, so either may match an account.
     */
    public static Set<String> in(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                Matcher m = MENTION.matcher(text.getLiteral());
                while (m.find() && names.size() < 2 * MAX) {
                    String name = m.group(1).toLowerCase(Locale.ROOT);
                    names.add(name);
                    String trimmed = name.replaceAll("[._-]+$", "");
                    if (trimmed.length() >= 3) {
                        names.add(trimmed);
                    }
                }
            }
        });
        return names;
    }
}
