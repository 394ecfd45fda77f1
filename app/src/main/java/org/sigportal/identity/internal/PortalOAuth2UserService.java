package org.sigportal.identity.internal;

import org.sigportal.identity.UserAccount;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Plain OAuth2 sign-in (GitHub, Gitee): the user-info endpoint names the person; such providers do not vouch
 * for e-mail addresses here, so they never link to an existing account by e-mail.
 */
@Component
class PortalOAuth2UserService extends DefaultOAuth2UserService {

    private final SsoAccountProvisioner provisioner;
    private final SsoProperties properties;

    PortalOAuth2UserService(SsoAccountProvisioner provisioner, SsoProperties properties) {
        this.provisioner = provisioner;
        this.properties = properties;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        OAuth2User user = super.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        Map<String, Object> attributes = new HashMap<>(user.getAttributes());
        // Only an OpenID Connect ID token can vouch for an address.
        attributes.remove("email_verified");
        UserAccount account = provisioner.signIn(ExternalIdentity.from(provider, user.getName(), attributes,
                properties.roleClaim()));
        attributes.put(PortalOidcUserService.PORTAL_USERNAME, account.username());
        return new DefaultOAuth2User(PortalAuthorities.forSession(account.roles()), attributes,
                PortalOidcUserService.PORTAL_USERNAME);
    }
}
