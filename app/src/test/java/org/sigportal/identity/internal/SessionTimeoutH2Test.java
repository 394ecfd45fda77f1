package org.sigportal.identity.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sigportal.support.H2Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A session older than the absolute time-out ends on its next request, however active it was. */
@H2Database
class SessionTimeoutH2Test {

    @Autowired
    AccountStatusFilter filter;

    private static final class AgedSession extends MockHttpSession {
        private final long created;

        AgedSession(Duration age) {
            this.created = System.currentTimeMillis() - age.toMillis();
        }

        @Override
        public long getCreationTime() {
            return created;
        }
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private boolean survives(Duration age) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, PortalAuthorities.forSession(java.util.Set.of("MEMBER", "ADMIN"))));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        AgedSession session = new AgedSession(age);
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return !session.isInvalid() && SecurityContextHolder.getContext().getAuthentication() != null;
    }

    @Test
    void sessionsOlderThanTheAbsoluteTimeoutEnd() throws Exception {
        assertThat(survives(Duration.ofHours(1))).isTrue();
        assertThat(survives(Duration.ofHours(25))).isFalse();
    }
}
