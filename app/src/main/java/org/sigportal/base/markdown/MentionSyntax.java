package org.sigportal.base.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as an {@code @username} in member text, in one place: the discussions link it and the notifications
 * tell that member, so both must read the same names. A name is as sign-up allows it (letters, digits, '.', '_'
 * and '-', 3 to 32 characters), in any case, and not glued to a word, an address or a path before it
 * ({@code alice@example.org}, {@code /@bob}), nor the start of an address ({@code @lee@example.org}).
 */
public final class MentionSyntax {

    /** An {@code @name}; group 1 is the name as written. Use it only on text outside code and links. */
    public static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@/\\\\-])@([A-Za-z0-9][A-Za-z0-9._-]{2,31})(?![A-Za-z0-9._-]*@)");

    private static final Pattern SENTENCE_END = Pattern.compile("[._-]+$");
    private static final Parser PARSER = Parser.builder().build();

    private MentionSyntax() {
    }

    /**
     * The name as written without a '.', '-' or '_' that ends the sentence ({@code Ask @mona.}), when what stays
     * is still a name; otherwise the name as written.
     */
    public static String withoutSentenceEnd(String written) {
        String trimmed = SENTENCE_END.matcher(written).replaceAll("");
        return trimmed.length() >= 3 ? trimmed : written;
    }

    /**
     * Lower-case names a Markdown text mentions outside code, in the order they appear. A name ending in '.',
     * '-' or '_' comes with the same name without that ending, so either may match an account. Stops after
     * {@code max} names.
     */
    public static Set<String> names(String markdown, int max) {
        Set<String> names = new LinkedHashSet<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                Matcher m = PATTERN.matcher(text.getLiteral());
                while (m.find() && names.size() < max) {
                    String name = m.group(1).toLowerCase(Locale.ROOT);
                    names.add(name);
                    String trimmed = withoutSentenceEnd(name);
                    if (!trimmed.equals(name)) {
                        names.add(trimmed);
                    }
                }
            }
        });
        return names;
    }
}
