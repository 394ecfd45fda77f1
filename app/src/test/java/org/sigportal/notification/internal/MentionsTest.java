package org.sigportal.notification.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {

    @Test
    void namesOutsideCodeAreMentions() {
        assertThat(Mentions.in("Thanks @Alice and @bob_2, see **@carol-x**!")).containsExactly("alice", "bob_2",
                "carol-x");
        assertThat(Mentions.in("`@dave` in a span\n\n```\n@erin in a fence\n```\n\n    @frank indented\n"))
                .isEmpty();
        assertThat(Mentions.in("> quoted @gina\n\n- listed @hank")).containsExactly("gina", "hank");
    }

    @Test
    void addressesPathsAndTooShortNamesAreNot() {
        assertThat(Mentions.in("mail ivan@example.org or https://example.org/@judy or @jo or x@@kim"))
                .isEmpty();
        assertThat(Mentions.in("@lee@example.org is elsewhere")).isEmpty();
    }

    @Test
    void aSentenceMayEndRightAfterTheName() {
        assertThat(Mentions.in("Ask @mona.")).containsExactly("mona.", "mona");
        assertThat(Mentions.in("(@nick), @omar: yes")).containsExactly("nick", "omar");
    }
}
