package dev.timekeeper.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * States in the OpenAPI document how to authenticate (HTTP Basic or a bearer token, the
 * schemes Swagger UI's Authorize button offers) and which role each operation needs, read
 * from the same {@link AccessRules} the filter chain enforces.
 */
@Component
class OpenApiSecurity implements OpenApiCustomizer {

	static final String BASIC = "basicAuth";

	static final String BEARER = "bearerAuth";

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		components.addSecuritySchemes(BASIC,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("A user from timekeeper.security.users"));
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A token from timekeeper.security.tokens"));
		openApi.setComponents(components);
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> secure(path, HttpMethod.valueOf(method.name()), operation)));
	}

	private static void secure(String path, HttpMethod method, Operation operation) {
		AccessRules.roleFor(method, path).ifPresent((role) -> {
			operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
			operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
			operation.addExtension("x-required-role", role.name());
			String needs = "Requires the " + role.name() + " role.";
			operation.setDescription(
					(operation.getDescription() != null) ? operation.getDescription() + "\n\n" + needs : needs);
		});
	}

}
