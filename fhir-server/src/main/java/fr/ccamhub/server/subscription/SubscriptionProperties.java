package fr.ccamhub.server.subscription;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What R4 Subscriptions may do ({@code ccamhub.subscriptions}): where rest-hooks may call, and
 * whether they may carry the resource.
 *
 * @param allowedEndpoints rest-hook endpoints allowed, as URL prefixes matched on scheme, host, port and
 *     path ({@code https://hooks.example.fr/ccamhub/}, {@code http://127.0.0.1:*} for any port,
 *     {@code https://*.example.fr/} for subdomains); empty allows no rest-hook at all
 * @param allowFullPayload whether a rest-hook may ask for the resource ({@code channel.payload} set);
 *     off, it is only notified that something matched
 * @param submissionInterval how often changes recorded with their transaction are handed to the matcher: the
 *     delay between a write and its notification is at most about this long
 */
@ConfigurationProperties("ccamhub.subscriptions")
public record SubscriptionProperties(List<String> allowedEndpoints, boolean allowFullPayload, Duration submissionInterval) {

	public SubscriptionProperties {
		submissionInterval = submissionInterval == null ? Duration.ofSeconds(1) : submissionInterval;
		if (submissionInterval.isNegative() || submissionInterval.isZero()) {
			throw new IllegalStateException("ccamhub.subscriptions.submission-interval must be positive, not " + submissionInterval);
		}
		allowedEndpoints = allowedEndpoints == null
				? List.of()
				: allowedEndpoints.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
	}
}
