package fr.ccamhub.server.security;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * HTTP security: OAuth2 bearer tokens from the trusted OIDC issuers on every endpoint but health
 * probes and the FHIR CapabilityStatement. With no issuer configured on a loopback-only server,
 * everything is open to the local developer, and the log says so.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	@Bean
	AuthenticationMode authenticationMode(
			@Value("${" + AuthenticationMode.ISSUER_URI + ":}") String springIssuer,
			SecurityProperties properties,
			ServerProperties server) {
		List<String> issuers = AuthenticationMode.trustedIssuers(springIssuer, properties.additionalIssuers());
		String address = server.getAddress() == null ? null : server.getAddress().getHostAddress();
		AuthenticationMode mode = AuthenticationMode.decide(address, issuers);
		if (mode == AuthenticationMode.OFF_LOOPBACK_ONLY) {
			log.warn("AUTHENTICATION IS OFF: no OIDC issuer is configured, so every request is served as the local "
					+ "developer. This is allowed only because the server listens on loopback ({}). Set "
					+ "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI to turn it on; never expose this server as it is.",
					address);
		} else {
			log.info("Authentication on: bearer tokens from {} with audience {}", issuers, properties.audiences());
		}
		return mode;
	}

	/**
	 * No Micrometer observation around each of the security filters: with an observation registry present, Spring
	 * Security otherwise wraps every filter of the chain in its own observation, a fifth of the filters' cost on a read.
	 * Requests are still measured once, as {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings noPerFilterSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain apiSecurity(
			HttpSecurity http,
			AuthenticationMode mode,
			@Value("${" + AuthenticationMode.ISSUER_URI + ":}") String springIssuer,
			SecurityProperties properties,
			FhirContext fhirContext,
			ObjectProvider<AuditEventRepository> auditEvents) throws Exception {
		// A stateless API: no session, so no saved request to replay after a login and no logout endpoint.
		http.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.logout(logout -> logout.disable())
				.httpBasic(basic -> basic.disable())
				.formLogin(form -> form.disable());
		if (mode == AuthenticationMode.OFF_LOOPBACK_ONLY) {
			http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
					.addFilterBefore(new AccessPrincipalFilter(mode), AuthorizationFilter.class);
			return http.build();
		}
		if (properties.audiences().isEmpty()) {
			throw new IllegalStateException("ccamhub.security.audiences is empty: tokens cannot be checked for their audience");
		}
		List<String> issuers = AuthenticationMode.trustedIssuers(springIssuer, properties.additionalIssuers());
		AuditingAuthenticationEntryPoint entryPoint = new AuditingAuthenticationEntryPoint(fhirContext, auditEvents);
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers("/actuator/health", "/actuator/health/**", "/fhir/metadata").permitAll()
						// The ledger's heads, proofs and keys are hashes only, public as in Certificate Transparency.
						.requestMatchers("/ledger/v1/sth", "/ledger/v1/proof/**", "/ledger/v1/public-key").permitAll()
						// Spring's error page: its status must reach the caller, not turn into a 401.
						.requestMatchers("/error").permitAll()
						.anyRequest().authenticated())
				.oauth2ResourceServer(oauth2 -> oauth2
						.authenticationManagerResolver(new JwtIssuerAuthenticationManagerResolver(
								new TrustedIssuerAuthentication(issuers, properties.audiences())))
						.authenticationEntryPoint(entryPoint))
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
				.addFilterAfter(new AccessPrincipalFilter(mode), BearerTokenAuthenticationFilter.class);
		return http.build();
	}
}
