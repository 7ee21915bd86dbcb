package fr.ccamhub.server.ledger;

import fr.ccamhub.ledger.head.Pkcs12SigningKeys;
import fr.ccamhub.ledger.head.PublicKeyRing;
import fr.ccamhub.ledger.head.SigningKey;
import java.nio.file.Files;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The key that signs tree heads, and every key of the keystore (current and retired), published for verification. */
record LedgerSigningKeys(SigningKey signingKey, List<PublicKey> publishedKeys) {

	private static final Logger log = LoggerFactory.getLogger(LedgerSigningKeys.class);

	static LedgerSigningKeys load(LedgerProperties.Signing signing, Clock clock) {
		char[] password = signing.keyStorePassword().toCharArray();
		SigningKey key;
		if (!Files.exists(signing.keyStore())) {
			if (!signing.generateIfMissing()) {
				throw new IllegalStateException("The ledger signing keystore " + signing.keyStore().toAbsolutePath()
						+ " does not exist. Create it (keytool -genkeypair -keyalg Ed25519 -storetype PKCS12 -alias "
						+ signing.alias() + ") or set ccamhub.ledger.signing.generate-if-missing=true for development.");
			}
			key = Pkcs12SigningKeys.loadOrGenerate(signing.keyStore(), password, signing.alias(), clock);
			log.warn("Generated a new ledger signing key {} in {} (development set-up). Back this keystore up: heads it signs "
					+ "can only be verified with its public key.", key.keyId(), signing.keyStore().toAbsolutePath());
		} else {
			key = Pkcs12SigningKeys.load(signing.keyStore(), password, signing.alias());
		}
		List<PublicKey> published = Pkcs12SigningKeys.publicKeys(signing.keyStore(), password);
		log.info("Ledger tree heads are signed with Ed25519 key {} ({} key(s) published)", key.keyId(), published.size());
		return new LedgerSigningKeys(key, published);
	}

	PublicKeyRing ring() {
		return PublicKeyRing.of(publishedKeys);
	}
}
