package fr.ccamhub.ledger.head;

import fr.ccamhub.ledger.verify.LedgerVerifier;
import fr.ccamhub.ledger.verify.LedgerVerifier.Failure;
import fr.ccamhub.ledger.verify.LedgerVerifier.VerificationException;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tree head keys a verifier trusts, by key id: the current key and every retired one, so that heads signed before
 * a key rotation keep verifying. Immutable; {@link #plus} returns a larger ring.
 */
public final class PublicKeyRing {

    private final Map<String, PublicKey> keysById;

    private PublicKeyRing(Map<String, PublicKey> keysById) {
        this.keysById = keysById;
    }

    /** A ring of the given keys. */
    public static PublicKeyRing of(Collection<PublicKey> keys) {
        PublicKeyRing ring = new PublicKeyRing(Map.of());
        for (PublicKey key : keys) {
            ring = ring.plus(key);
        }
        return ring;
    }

    /** A ring of the given keys. */
    public static PublicKeyRing of(PublicKey... keys) {
        return of(List.of(keys));
    }

    /** This ring and {@code key}, which must be an Ed25519 key. */
    public PublicKeyRing plus(PublicKey key) {
        if (!(key instanceof EdECPublicKey edKey) || !NamedParameterSpec.ED25519.getName().equals(edKey.getParams().getName())) {
            throw new IllegalArgumentException("tree heads are signed with Ed25519, not " + (key == null ? "no key" : key.getAlgorithm()));
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>(keysById);
        keys.put(KeyIds.of(key), key);
        return new PublicKeyRing(Collections.unmodifiableMap(keys));
    }

    /** Ids of the keys in the ring, in the order they were added. */
    public Set<String> keyIds() {
        return keysById.keySet();
    }

    /** The key with id {@code keyId}, if trusted. */
    public Optional<PublicKey> publicKey(String keyId) {
        return Optional.ofNullable(keysById.get(keyId));
    }

    /**
     * Verifies that {@code head} is signed by the trusted key it names.
     *
     * @throws VerificationException {@link Failure#UNKNOWN_KEY} if no trusted key has the head's key id,
     *         {@link Failure#BAD_SIGNATURE} if the signature does not match the head
     */
    public void verify(SignedTreeHead head) throws VerificationException {
        PublicKey key = keysById.get(head.keyId());
        if (key == null) {
            throw new VerificationException(Failure.UNKNOWN_KEY, "tree head of size " + head.treeSize()
                    + " is signed by key " + head.keyId() + ", which is not among the " + keysById.size() + " trusted keys");
        }
        LedgerVerifier.verifyTreeHeadSignature(key, head.treeSize(), head.timestampMillis(), head.rootHash(), head.signature());
    }
}
