package org.sigportal.identity.internal;

import org.sigportal.base.Roles;
import org.sigportal.base.demo.DemoContent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Demo members with the portal's roles. They have no password (nobody can sign in as them) and are marked
 * as demo accounts wherever they are listed.
 */
@Component
class IdentityDemoContent implements DemoContent {

    private record DemoMember(String username, String displayName, String email, Set<String> roles) {
    }

    private static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("zhang.wei", "张伟 (demo)", "zhang.wei@demo.invalid",
                    Set.of(Roles.MEMBER, Roles.MAINTAINER)),
            new DemoMember("li.na", "李娜 (demo)", "li.na@demo.invalid", Set.of(Roles.MEMBER, Roles.OPERATOR)),
            new DemoMember("alice.chen", "Alice Chen (demo)", "alice.chen@demo.invalid",
                    Set.of(Roles.MEMBER, Roles.CONTRIBUTOR)),
            new DemoMember("bob.kumar", "Bob Kumar (demo)", "bob.kumar@demo.invalid", Set.of(Roles.MEMBER)),
            new DemoMember("wang.fang", "王芳 (demo)", "wang.fang@demo.invalid",
                    Set.of(Roles.MEMBER, Roles.CONTRIBUTOR)));

    private final JooqUserRepository users;
    private final Clock clock;

    IdentityDemoContent(JooqUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String name() {
        return "demo members";
    }

    @Override
    public void seed() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (DemoMember m : MEMBERS) {
            if (!users.usernameExists(m.username())) {
                users.insert(m.username(), m.displayName(), m.email(), null, m.roles(), true, now);
            }
        }
    }
}
