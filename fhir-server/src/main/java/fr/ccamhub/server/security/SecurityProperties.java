package fr.ccamhub.server.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication beyond Spring's single {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 *
 * @param additionalIssuers further trusted OIDC issuers (e.g. Pro Santé Connect beside Keycloak)
 * @param audiences accepted {@code aud} values: a token must name at least one
 */
@ConfigurationProperties("ccamhub.security")
public record SecurityProperties(List<String> additionalIssuers, List<String> audiences) {

	public SecurityProperties {
		additionalIssuers = additionalIssuers == null ? List.of() : additionalIssuers.stream().filter(s -> !s.isBlank()).toList();
		audiences = audiences == null ? List.of() : List.copyOf(audiences);
	}
}
