package org.sigportal.identity.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.sigportal.identity.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Web security: Vaadin's configurer guards the views by their annotations; public endpoints (health,
 * metrics, static assets, documentation) are opened before it. Passwords use the delegating encoder so the
 * hash format can evolve without invalidating stored hashes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, AccountStatusFilter accountStatus) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                        "/actuator/info").permitAll()
                .requestMatchers("/icons/**", "/images/**", "/styles.css", "/webjars/**", "/docs-assets/**")
                .permitAll()
                .requestMatchers("/actuator/**").denyAll()
                .requestMatchers("/api/**").authenticated());
        // The REST API answers 401 instead of redirecting to the sign-in page.
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        http.addFilterBefore(accountStatus, AuthorizationFilter.class);
        // Every other path goes to Vaadin, whose navigation access control checks each view's annotations and
        // answers an unknown path with the portal's own "page not found" view (instead of a blank 403).
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }
}
