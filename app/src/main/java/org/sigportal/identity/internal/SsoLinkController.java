package org.sigportal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.sigportal.base.CurrentActor;
import org.sigportal.identity.SsoProviderCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /sso/link/{provider}}: a signed-in user asks to link a provider to their account. The wish is kept in
 * the session and honoured by {@link SsoAccountProvisioner} when the provider's sign-in comes back.
 */
@Controller
class SsoLinkController {

    private final SsoProviderCatalog providers;

    SsoLinkController(SsoProviderCatalog providers) {
        this.providers = providers;
    }

    @GetMapping("/sso/link/{provider}")
    String link(@PathVariable String provider, HttpServletRequest request) {
        if (providers.find(provider).isEmpty() || CurrentActor.username().isEmpty()) {
            return "redirect:/account";
        }
        request.getSession().setAttribute(SsoAccountProvisioner.LINK_INTENT, CurrentActor.username().get());
        return "redirect:/oauth2/authorization/" + provider;
    }
}
