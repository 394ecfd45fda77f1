package org.sigportal.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sign-in providers the operator configured (Spring's {@code spring.security.oauth2.client.*}). */
@Service
public class SsoProviderCatalog {

    private final List<SsoProvider> providers;

    SsoProviderCatalog(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<SsoProvider> list = new ArrayList<>();
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository instanceof Iterable<?> iterable) {
            for (Object o : iterable) {
                ClientRegistration r = (ClientRegistration) o;
                list.add(new SsoProvider(r.getRegistrationId(), r.getClientName()));
            }
        }
        this.providers = List.copyOf(list);
    }

    public List<SsoProvider> providers() {
        return providers;
    }

    public boolean any() {
        return !providers.isEmpty();
    }

    public Optional<SsoProvider> find(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public String displayName(String id) {
        return find(id).map(SsoProvider::displayName).orElse(id);
    }
}
