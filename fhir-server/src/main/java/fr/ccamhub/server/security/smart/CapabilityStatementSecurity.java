package fr.ccamhub.server.security.smart;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * Says in the CapabilityStatement how to log in ({@code rest.security}): the SMART-on-FHIR service and
 * the OAuth URIs extension with the issuer's endpoints, or that authentication is off.
 */
@Interceptor
public final class CapabilityStatementSecurity {

	static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
	static final String SERVICE_SYSTEM = "http://terminology.hl7.org/CodeSystem/restful-security-service";

	private final boolean authenticationOn;
	private final Supplier<Map<String, Object>> smartConfiguration;

	public CapabilityStatementSecurity(boolean authenticationOn, Supplier<Map<String, Object>> smartConfiguration) {
		this.authenticationOn = authenticationOn;
		this.smartConfiguration = smartConfiguration;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void describeSecurity(IBaseConformance generated) {
		if (!(generated instanceof CapabilityStatement statement)) {
			return;
		}
		for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
			CapabilityStatement.CapabilityStatementRestSecurityComponent security = new CapabilityStatement.CapabilityStatementRestSecurityComponent();
			if (!authenticationOn) {
				security.setDescription("Authentication is off: embedded development mode on loopback, every request is served"
						+ " as the local developer.");
				rest.setSecurity(security);
				continue;
			}
			security.setCors(true);
			security.addService(new CodeableConcept(new Coding(SERVICE_SYSTEM, "SMART-on-FHIR", "SMART-on-FHIR"))
					.setText("OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)"));
			security.setDescription("Bearer tokens (JWT) from the trusted OpenID Connect issuers; see "
					+ ".well-known/smart-configuration. Roles and SMART scopes decide what a caller may do.");
			try {
				Map<String, Object> smart = smartConfiguration.get();
				Extension uris = security.addExtension().setUrl(OAUTH_URIS);
				addUri(uris, "authorize", smart.get("authorization_endpoint"));
				addUri(uris, "token", smart.get("token_endpoint"));
				addUri(uris, "introspect", smart.get("introspection_endpoint"));
				addUri(uris, "revoke", smart.get("revocation_endpoint"));
				addUri(uris, "register", smart.get("registration_endpoint"));
			} catch (UncheckedIOException unreachable) {
				security.setDescription(security.getDescription() + " The issuer cannot be reached right now: "
						+ unreachable.getMessage());
			}
			rest.setSecurity(security);
		}
	}

	private static void addUri(Extension uris, String name, Object value) {
		if (value instanceof String uri && !uri.isBlank()) {
			uris.addExtension(name, new UriType(uri));
		}
	}
}
