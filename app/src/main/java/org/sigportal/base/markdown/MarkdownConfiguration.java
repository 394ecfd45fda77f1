package org.sigportal.base.markdown;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link SafeMarkdown} for the whole portal; features derive their own with {@code withPostProcessors}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarkdownProperties.class)
class MarkdownConfiguration {

    @Bean
    SafeMarkdown safeMarkdown(MarkdownProperties properties) {
        return new SafeMarkdown(properties);
    }
}
