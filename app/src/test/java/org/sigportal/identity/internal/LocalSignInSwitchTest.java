package org.sigportal.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** An operator who turns the local form off gets no local sign-in, even from a hand-made form post. */
class LocalSignInSwitchTest {

    private static MockHttpServletResponse post(boolean localEnabled) throws Exception {
        SignInThrottleFilter filter = new SignInThrottleFilter(
                new SignInThrottle(10, 50, Duration.ofMinutes(15), 5, Duration.ZERO),
                mock(org.sigportal.audit.AuditService.class), localEnabled);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.addParameter("username", "admin");
        request.addParameter("password", "whatever");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aTurnedOffLocalFormRefusesThePostWithAReason() throws Exception {
        assertThat(post(false).getRedirectedUrl()).isEqualTo("/login?local-off");
        assertThat(post(true).getRedirectedUrl()).isNull();
    }
}
