package fr.ccamhub.server.security.smart;

import fr.ccamhub.server.fhir.FhirServerProperties;
import fr.ccamhub.server.fhir.RestInterceptor;
import fr.ccamhub.server.security.AuthenticationMode;
import fr.ccamhub.server.security.SecurityProperties;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** SMART on FHIR discovery: the well-known document and the CapabilityStatement's security section. */
@Configuration(proxyBeanMethods = false)
public class SmartDiscoveryConfig {

	/** How long the issuer's OIDC discovery document is kept before it is read again. */
	private static final Duration KEEP_DISCOVERY = Duration.ofMinutes(10);

	@Bean
	SmartDocument smartDocument(AuthenticationMode mode, SecurityProperties properties,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String springIssuer) {
		if (mode != AuthenticationMode.ON) {
			return new SmartDocument(SmartConfiguration::authenticationOff);
		}
		String issuer = AuthenticationMode.trustedIssuers(springIssuer, properties.additionalIssuers()).get(0);
		OidcDiscovery discovery = new OidcDiscovery(issuer, KEEP_DISCOVERY);
		return new SmartDocument(() -> SmartConfiguration.fromOidcDiscovery(discovery.document()));
	}

	@Bean
	FilterRegistrationBean<SmartConfigurationFilter> smartConfigurationFilter(FhirServerProperties server, SmartDocument document) {
		FilterRegistrationBean<SmartConfigurationFilter> registration =
				new FilterRegistrationBean<>(new SmartConfigurationFilter(server.path(), document.supplier()));
		registration.addUrlPatterns(SmartConfigurationFilter.WELL_KNOWN,
				(server.path().endsWith("/") ? server.path().substring(0, server.path().length() - 1) : server.path())
						+ SmartConfigurationFilter.WELL_KNOWN);
		// Public, as SMART requires: served before the security filter chain.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setName("smartConfiguration");
		return registration;
	}

	@Bean
	RestInterceptor capabilityStatementSecurity(AuthenticationMode mode, SmartDocument document) {
		return new RestInterceptor(0, new CapabilityStatementSecurity(mode == AuthenticationMode.ON, document.supplier()));
	}

	/** The SMART configuration as this server describes it. */
	public record SmartDocument(Supplier<Map<String, Object>> supplier) {}
}
