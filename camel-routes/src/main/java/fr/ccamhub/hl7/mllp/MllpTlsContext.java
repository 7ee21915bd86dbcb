package fr.ccamhub.hl7.mllp;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** The MLLPS server context: our key store, and the client CAs to require when a trust store is set. */
final class MllpTlsContext {

	private MllpTlsContext() {}

	static SslContext of(MllpProperties.Tls tls) {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(tls.keyStore(), tls.keyStorePassword(), "ccamhub.hl7.mllp.tls.key-store"), chars(tls.keyStorePassword()));
			SslContextBuilder builder = SslContextBuilder.forServer(keys);
			if (tls.trustStore() != null && !tls.trustStore().isBlank()) {
				TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				trust.init(load(tls.trustStore(), tls.trustStorePassword(), "ccamhub.hl7.mllp.tls.trust-store"));
				builder.trustManager(trust).clientAuth(ClientAuth.REQUIRE);
			}
			return builder.build();
		} catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("Cannot set up MLLP over TLS: " + e.getMessage()
					+ " (check ccamhub.hl7.mllp.tls.key-store, trust-store and their passwords)", e);
		}
	}

	/** A PKCS#12 or JKS store from a path, {@code file:} or {@code classpath:} location. */
	private static KeyStore load(String location, String password, String key) throws IOException, GeneralSecurityException {
		if (location == null || location.isBlank()) {
			throw new IllegalStateException(key + " is empty");
		}
		Resource resource = location.startsWith("classpath:") || location.startsWith("file:")
				? new DefaultResourceLoader().getResource(location)
				: new FileSystemResource(location);
		if (!resource.exists()) {
			throw new IllegalStateException(key + ": " + location + " does not exist");
		}
		// With the JDK's keystore.type.compat (on by default), the PKCS#12 type also reads JKS files.
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = resource.getInputStream()) {
			store.load(in, chars(password));
		}
		return store;
	}

	private static char[] chars(String password) {
		return password == null ? new char[0] : password.toCharArray();
	}
}
