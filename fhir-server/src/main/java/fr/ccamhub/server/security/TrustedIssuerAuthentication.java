package fr.ccamhub.server.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * One authentication manager per trusted issuer, built on first use from the issuer's OIDC
 * discovery document: signature against its JWKS, issuer, expiry and not-before (60 s skew), and
 * an accepted audience. Tokens from any other issuer are refused.
 */
final class TrustedIssuerAuthentication implements AuthenticationManagerResolver<String> {

	private final List<String> issuers;
	private final List<String> audiences;
	private final Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();

	TrustedIssuerAuthentication(List<String> issuers, List<String> audiences) {
		this.issuers = List.copyOf(issuers);
		this.audiences = List.copyOf(audiences);
	}

	@Override
	public AuthenticationManager resolve(String issuer) {
		if (!issuers.contains(issuer)) {
			return null;
		}
		return managers.computeIfAbsent(issuer, this::managerFor);
	}

	private AuthenticationManager managerFor(String issuer) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
		decoder.setJwtValidator(validator(issuer, audiences));
		return new JwtAuthenticationProvider(decoder)::authenticate;
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences) {
		JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(
				"aud", aud -> aud != null && aud.stream().anyMatch(audiences::contains));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience);
	}
}
