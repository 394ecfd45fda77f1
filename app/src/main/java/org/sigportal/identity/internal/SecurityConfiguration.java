package org.sigportal.identity.internal;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sigportal.identity.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.io.IOException;

/**
 * Web security: Vaadin's configurer guards the views by their annotations; public endpoints (health, metrics,
 * static assets) are opened before it; the REST API answers 401 and accepts personal API tokens; single sign-on
 * runs the authorization-code flow with PKCE for every provider. Passwords use the delegating encoder so the
 * hash format can evolve without invalidating stored hashes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(SsoProperties.class)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, AccountStatusFilter accountStatus,
                                       ApiTokenAuthenticationFilter apiTokens, SignInThrottleFilter throttle,
                                       ObjectProvider<ClientRegistrationRepository> registrations,
                                       PortalOidcUserService oidcUsers, PortalOAuth2UserService oauth2Users,
                                       SsoFailureHandler ssoFailures) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                        "/actuator/info").permitAll()
                .requestMatchers("/actuator/**").denyAll()
                .requestMatchers("/icons/**", "/images/**", "/styles.css", "/webjars/**").permitAll()
                .requestMatchers("/api/**", "/sso/**").authenticated());
        // The REST API answers 401 instead of redirecting to the sign-in page.
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        // A request that carries its own credentials (a bearer token) is no cross-site request forgery.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(r -> ApiTokenAuthenticationFilter.bearer(r).isPresent()));
        http.addFilterBefore(apiTokens, AuthorizationFilter.class);
        http.addFilterBefore(accountStatus, AuthorizationFilter.class);
        http.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);

        ClientRegistrationRepository clients = registrations.getIfAvailable();
        if (clients != null) {
            DefaultOAuth2AuthorizationRequestResolver resolver =
                    new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
            // PKCE for confidential clients too (public clients get it anyway).
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(oauth -> oauth
                    .loginPage("/login")
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                    .userInfoEndpoint(u -> u.oidcUserService(oidcUsers).userService(oauth2Users))
                    .failureHandler(ssoFailures));
        }
        LogoutSuccessHandler logout = logoutHandler(clients);
        // Every other path goes to Vaadin, whose navigation access control checks each view's annotations and
        // answers an unknown path with the portal's own "page not found" view (instead of a blank 403).
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/")
                .logoutSuccessHandler(logout)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }

    /**
     * Signing out ends the portal session; after an OpenID Connect sign-in it also ends the provider's
     * session (RP-initiated logout) and the provider sends the browser back to the portal.
     */
    private static LogoutSuccessHandler logoutHandler(ClientRegistrationRepository clients) {
        // Sign-out starts from a Vaadin request: the redirect must be one the Vaadin client follows.
        SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
        local.setDefaultTargetUrl("/");
        local.setRedirectStrategy(new UidlRedirectStrategy());
        if (clients == null) {
            return local;
        }
        OidcClientInitiatedLogoutSuccessHandler oidc = new OidcClientInitiatedLogoutSuccessHandler(clients);
        oidc.setPostLogoutRedirectUri("{baseUrl}/");
        oidc.setRedirectStrategy(new UidlRedirectStrategy());
        return new LogoutSuccessHandler() {
            @Override
            public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                if (authentication != null && authentication.getPrincipal() instanceof OidcUser) {
                    oidc.onLogoutSuccess(request, response, authentication);
                } else {
                    local.onLogoutSuccess(request, response, authentication);
                }
            }
        };
    }
}
