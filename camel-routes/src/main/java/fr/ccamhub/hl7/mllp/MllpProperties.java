package fr.ccamhub.hl7.mllp;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HL7 v2 MLLP listener.
 *
 * @param enabled start the listener with the server
 * @param host interface to listen on (loopback by default, like HTTP)
 * @param port TCP port (2575 is the HL7 registered port; 0 picks a free one)
 * @param allowedSenders sending applications allowed on this listener, as {@code APP} or
 *     {@code APP|FACILITY} (MSH-3 / MSH-4); empty accepts everyone, which only a loopback listener may do
 * @param feedZone time zone of timestamps sent without offset
 * @param maxConcurrentConnections sender connections served at once, all addresses together
 * @param maxConnectionsPerAddress connections served at once from one IP address
 * @param maxMessageSize largest message accepted; a larger one gets an AR naming its size
 * @param idleTimeout a connection with nothing received for this long is closed
 * @param readTimeout a message must arrive whole within this long of its first byte (slow senders)
 * @param workerThreads threads storing messages (each connection is served in order by one of them)
 * @param tls MLLPS (TLS) settings
 */
@ConfigurationProperties("ccamhub.hl7.mllp")
public record MllpProperties(
		boolean enabled,
		String host,
		int port,
		List<String> allowedSenders,
		String feedZone,
		@DefaultValue("50") int maxConcurrentConnections,
		@DefaultValue("10") int maxConnectionsPerAddress,
		@DefaultValue("10MB") DataSize maxMessageSize,
		@DefaultValue("60s") Duration idleTimeout,
		@DefaultValue("30s") Duration readTimeout,
		@DefaultValue("16") int workerThreads,
		Tls tls) {

	public MllpProperties {
		allowedSenders = allowedSenders == null ? List.of() : List.copyOf(allowedSenders);
		if (maxConcurrentConnections < 1 || maxConnectionsPerAddress < 1 || workerThreads < 1) {
			throw new IllegalArgumentException("ccamhub.hl7.mllp.max-concurrent-connections, max-connections-per-address and"
					+ " worker-threads must be at least 1");
		}
		tls = tls == null ? new Tls(false, "", "", "", "") : tls;
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
