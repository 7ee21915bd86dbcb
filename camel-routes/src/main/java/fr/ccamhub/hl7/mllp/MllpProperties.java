package fr.ccamhub.hl7.mllp;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HL7 v2 MLLP listener.
 *
 * @param enabled start the listener with the server
 * @param host interface to listen on (loopback by default, like HTTP)
 * @param port TCP port (2575 is the HL7 registered port; 0 picks a free one)
 * @param allowedSenders sending applications allowed on this listener, as {@code APP} or
 *     {@code APP|FACILITY} (MSH-3 / MSH-4); empty accepts everyone, which only a loopback listener may do
 * @param feedZone time zone of timestamps sent without offset
 * @param maxConcurrentConnections simultaneous sender connections served
 * @param tls MLLPS (TLS) settings
 */
@ConfigurationProperties("ccamhub.hl7.mllp")
public record MllpProperties(
		boolean enabled,
		String host,
		int port,
		List<String> allowedSenders,
		String feedZone,
		int maxConcurrentConnections,
		Tls tls) {

	public MllpProperties {
		allowedSenders = allowedSenders == null ? List.of() : List.copyOf(allowedSenders);
	}

	/**
	 * @param enabled serve MLLP over TLS
	 * @param keyStore server key store (PKCS#12 or JKS path)
	 * @param keyStorePassword its password (from the environment)
	 * @param trustStore trusted client certificate authorities, to require client certificates
	 * @param trustStorePassword its password (from the environment)
	 */
	public record Tls(boolean enabled, String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {}
}
