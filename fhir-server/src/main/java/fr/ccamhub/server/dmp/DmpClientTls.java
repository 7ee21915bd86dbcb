package fr.ccamhub.server.dmp;

import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;

/**
 * The TLS context towards the Document Recipient: the structure's client certificate (IGC Santé ORG AUTH_CLI in
 * production) and, when set, the roots to trust instead of the JDK's. Built with Spring Boot's SSL bundles from a
 * PKCS#12 (or JKS) path, {@code file:} or {@code classpath:} location.
 */
final class DmpClientTls {

	private DmpClientTls() {}

	static Optional<SSLContext> of(DmpProperties.Tls tls) {
		if (!tls.hasKeyStore() && tls.trustStore().isBlank()) {
			return Optional.empty();
		}
		JksSslStoreDetails keyStore = tls.hasKeyStore()
				? new JksSslStoreDetails("PKCS12", null, tls.keyStore(), tls.keyStorePassword())
				: null;
		JksSslStoreDetails trustStore = tls.trustStore().isBlank()
				? null
				: new JksSslStoreDetails("PKCS12", null, tls.trustStore(), tls.trustStorePassword());
		try {
			return Optional.of(SslBundle.of(new JksSslStoreBundle(keyStore, trustStore)).createSslContext());
		} catch (RuntimeException e) {
			throw new IllegalStateException("ccamhub.dmp.tls: cannot open the key store or trust store (" + e.getMessage()
					+ "); check ccamhub.dmp.tls.key-store, trust-store and their passwords", e);
		}
	}
}
