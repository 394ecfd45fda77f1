package org.sigportal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import org.sigportal.identity.SsoProvider;

/**
 * A refused single sign-on (forged state, wrong nonce, issuer or audience, expired token, disabled account, ...)
 * goes back to the sign-in page with a short reason code that the page explains in the user's language.
 */
@Component
class SsoFailureHandler implements AuthenticationFailureHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SsoFailureHandler.class);
    private final AuditService audit;

    SsoFailureHandler(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : "unknown";
        log.info("Single sign-on refused: {} ({})", code, exception.getMessage());
        String reason = switch (code) {
            case "invalid_state_parameter", "authorization_request_not_found" -> "state";
            case "invalid_id_token", "invalid_nonce", "invalid_token_response", "invalid_user_info_response" -> "token";
            default -> SsoProvider.FAILURE_REASONS.contains(code) ? code : "general";
        };
        if (!"account_disabled".equals(code) && !"email_in_use".equals(code)
                && !"identity_linked_elsewhere".equals(code) && !"provider_already_linked".equals(code)) {
            // Refusals by the provisioner are audited where they happen; protocol failures here.
            audit.recordAs("anonymous", "auth.sso-sign-in", "sso", null, AuditOutcome.FAILURE, code);
        }
        response.sendRedirect(request.getContextPath() + "/login?sso-error=" + reason);
    }
}
