package org.sigportal.notification.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification feature's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebhookProperties.class, DigestProperties.class})
class NotificationConfiguration {

    @Bean
    PublicLinks publicLinks(@Value("${portal.public-url:}") String publicUrl) {
        return new PublicLinks(publicUrl);
    }
}
