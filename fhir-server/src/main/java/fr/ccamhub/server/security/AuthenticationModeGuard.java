package fr.ccamhub.server.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the authentication mode as soon as the configuration is known, before anything starts
 * (database, index, listeners), so that an unsafe deployment fails at once with a clear message.
 */
public class AuthenticationModeGuard implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String additional = environment.getProperty("ccamhub.security.additional-issuers", "");
		List<String> issuers = AuthenticationMode.trustedIssuers(
				environment.getProperty(AuthenticationMode.ISSUER_URI),
				Arrays.stream(additional.split(",")).toList());
		AuthenticationMode.decide(environment.getProperty("server.address"), issuers);
	}
}
