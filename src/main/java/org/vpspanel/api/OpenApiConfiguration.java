package org.vpspanel.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpspanel.resources.ResourceField;

/**
 * The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html): bearer tokens, and what springdoc
 * cannot see in the code: the plan resources, references by id or name, and the problem-detail errors.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";

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

    @Bean
    OpenApiCustomizer documentWhatTheCodeDoesNotDeclare() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            addPlanResources(schemas);
            schemas.put("Reference", new Schema<>().description("An id (JSON number) or a name (JSON string)")
                    .oneOf(List.of(new IntegerSchema().format("int64"), new StringSchema())));
            schemas.put(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperations()
                    .forEach(operation -> addErrors(operation, path.contains("{"))));
        };
    }

    /** Plans carry each resource of the catalogue as a property of its own, named and written as in RESOURCES.md. */
    private static void addPlanResources(Map<String, Schema> schemas) {
        for (String name : List.of("PlanRequest", "PlanResponse")) {
            Schema<?> schema = schemas.get(name);
            for (ResourceField field : ResourceField.values()) {
                schema.addProperty(field.fieldName(), new StringSchema()
                        .description(field.label() + " (" + field.kind().name().toLowerCase() + ")")
                        .example(field.format(field.defaultValue())));
            }
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> violation = new ObjectSchema().addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem detail")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(violation).description("for 400: each bad field"));
    }

    private static void addErrors(Operation operation, boolean namesAnObject) {
        operation.getResponses()
                .addApiResponse("400", problem("Invalid input: the errors name each field; nothing was changed"))
                .addApiResponse("401", problem("No valid API token"))
                .addApiResponse("403", problem("The token's role may not do this"));
        if (namesAnObject) {
            operation.getResponses().addApiResponse("404", problem("No such object that the token's user may see"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
