package org.sigportal.identity.internal;

import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Writes sign-ins (successful and failed) and sign-outs to the audit trail. */
@Component
class AuthenticationAudit {

    private static final int MAX_NAME = 64;
    private final AuditService audit;

    AuthenticationAudit(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        audit.recordAs(user, "auth.sign-in", "user", user, AuditOutcome.SUCCESS, null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String attempted = String.valueOf(event.getAuthentication().getName()).trim().toLowerCase(Locale.ROOT);
        if (attempted.length() > MAX_NAME) {
            attempted = attempted.substring(0, MAX_NAME);
        }
        audit.recordAs("anonymous", "auth.sign-in", "user", attempted, AuditOutcome.FAILURE,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        String user = event.getAuthentication().getName();
        audit.recordAs(user, "auth.sign-out", "user", user, AuditOutcome.SUCCESS, null);
    }
}
