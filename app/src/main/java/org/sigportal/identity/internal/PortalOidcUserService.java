package org.sigportal.identity.internal;

import org.sigportal.identity.UserAccount;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * OpenID Connect sign-in: Spring Security has already checked state, PKCE, nonce, issuer, audience, expiry
 * and signature of the ID token; this maps the verified identity to a portal account and its roles.
 * The principal's name is the portal user name, so the audit trail and every check speak of the account.
 */
@Component
class PortalOidcUserService extends OidcUserService {

    static final String PORTAL_USERNAME = "portal_username";

    private final SsoAccountProvisioner provisioner;
    private final SsoProperties properties;

    PortalOidcUserService(SsoAccountProvisioner provisioner, SsoProperties properties) {
        this.provisioner = provisioner;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        UserAccount account = provisioner.signIn(ExternalIdentity.from(provider, user.getSubject(), user.getClaims(),
                properties.roleClaim()));
        Map<String, Object> info = new HashMap<>(user.getUserInfo() == null ? Map.of() : user.getUserInfo().getClaims());
        info.put("sub", user.getSubject());
        info.put(PORTAL_USERNAME, account.username());
        return new DefaultOidcUser(PortalAuthorities.forSession(account.roles()), user.getIdToken(),
                new OidcUserInfo(info), PORTAL_USERNAME);
    }
}
