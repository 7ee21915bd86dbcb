package fr.ccamhub.server.dmp;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Access tokens for the Document Recipient from an OAuth2 client-credentials grant, obtained and renewed before they
 * expire by Spring Security's authorized-client manager.
 */
final class DmpAccessTokens implements Supplier<Optional<String>> {

	private static final String REGISTRATION = "ccamhub-dmp";

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	DmpAccessTokens(DmpProperties.OAuth2 oauth2) {
		if (oauth2.clientId().isBlank()) {
			throw new IllegalStateException("ccamhub.dmp.oauth2.token-uri is set: client-id (and client-secret) are required");
		}
		ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(REGISTRATION)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.tokenUri(oauth2.tokenUri()).clientId(oauth2.clientId()).clientSecret(oauth2.clientSecret());
		if (!oauth2.scope().isBlank()) {
			registration.scope(Arrays.asList(oauth2.scope().trim().split("\\s+")));
		}
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration.build());
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
				new InMemoryOAuth2AuthorizedClientService(registrations));
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
	}

	@Override
	public Optional<String> get() {
		OAuth2AuthorizedClient client = manager.authorize(
				OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal("ccamhub").build());
		return Optional.ofNullable(client).map(authorized -> authorized.getAccessToken().getTokenValue());
	}
}
