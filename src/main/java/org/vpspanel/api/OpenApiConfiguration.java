package org.vpspanel.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpspanel.resources.ResourceField;

/** The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html): bearer tokens, and the plan resources. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI panelApi() {
        return new OpenAPI()
                .info(new Info().title("VPS Panel API").version("v1").description(
                        "Authenticate with an API token: Authorization: Bearer vpsp_... Errors are RFC 9457 "
                                + "problem details; bad input names its fields in errors[]."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("vpsp_ token")))
                .security(List.of(new SecurityRequirement().addList(BEARER)));
    }

    /** Plans carry each resource of the catalogue as a property of its own, named and written as in RESOURCES.md. */
    @Bean
    OpenApiCustomizer planResourceProperties() {
        return openApi -> List.of("PlanRequest", "PlanResponse").forEach(name -> {
            Schema<?> schema = openApi.getComponents().getSchemas().get(name);
            if (schema != null) {
                for (ResourceField field : ResourceField.values()) {
                    schema.addProperty(field.fieldName(), new StringSchema()
                            .description(field.label() + " (" + field.kind().name().toLowerCase() + ")")
                            .example(field.format(field.defaultValue())));
                }
            }
        });
    }
}
