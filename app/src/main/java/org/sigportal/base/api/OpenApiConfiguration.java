package org.sigportal.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1} (served at {@code /v3/api-docs}, browsable at {@code /swagger-ui}):
 * every call takes a personal API token as a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI portalOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Cloud Native SIG Portal API").version("v1")
                        .description("The fleet and the community over REST. Authenticate with a personal API token "
                                + "(profile → API tokens) as 'Authorization: Bearer sigp_…'. Scopes: read, operate, "
                                + "community-write. Errors come as {code, message, field} in the Accept-Language "
                                + "of the request."))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal API token (sigp_…)")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
