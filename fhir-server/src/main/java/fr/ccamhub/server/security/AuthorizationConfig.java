package fr.ccamhub.server.security;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.security.AccessPolicy;
import fr.ccamhub.interceptors.security.DevicePatientLinks;
import fr.ccamhub.interceptors.security.RoleAndScopeAuthorizationInterceptor;
import fr.ccamhub.server.fhir.RestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Role and SMART-scope authorization of every FHIR request, custom operations included. */
@Configuration(proxyBeanMethods = false)
public class AuthorizationConfig {

	@Bean
	AccessPolicy accessPolicy(AccessGrantsProperties grants, FhirContext fhirContext) {
		return new AccessPolicy(grants.toMatrix(fhirContext));
	}

	@Bean
	RestInterceptor roleAndScopeAuthorization(AccessPolicy accessPolicy, DevicePatientLinks devicePatientLinks) {
		return new RestInterceptor(10, new RoleAndScopeAuthorizationInterceptor(accessPolicy, devicePatientLinks));
	}
}
