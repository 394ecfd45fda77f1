package org.sigportal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Guards the local sign-in form: refuses it when it is turned off, slows down and then refuses repeated
 * failures (see {@link SignInThrottle}), and feeds the throttle from Spring Security's sign-in events.
 */
@Component
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final AuditService audit;
    private final boolean localSignInEnabled;

    SignInThrottleFilter(SignInThrottle throttle, AuditService audit,
                         @Value("${portal.accounts.local-sign-in-enabled:true}") boolean localSignInEnabled) {
        this.throttle = throttle;
        this.audit = audit;
        this.localSignInEnabled = localSignInEnabled;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!localSignInEnabled) {
            response.sendRedirect(request.getContextPath() + "/login?local-off");
            return;
        }
        String username = String.valueOf(request.getParameter("username"));
        switch (throttle.check(request.getRemoteAddr(), username)) {
            case SignInThrottle.Refuse refuse -> {
                long minutes = Math.max(1, (refuse.retryAfter().toSeconds() + 59) / 60);
                audit.recordAs("anonymous", "auth.sign-in", "user", cut(username), AuditOutcome.DENIED,
                        "too many failed sign-ins");
                response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
                return;
            }
            case SignInThrottle.Slow slow -> pause(slow.delay().toMillis());
            case SignInThrottle.Allow allow -> {
                // go on
            }
        }
        chain.doFilter(request, response);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            throttle.failed(details.getRemoteAddress(), String.valueOf(event.getAuthentication().getName()));
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String cut(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
