package fr.ccamhub.ledger.head;

import fr.ccamhub.ledger.merkle.TreeHead;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;

/** Signs tree heads with one Ed25519 {@link SigningKey}, stamping them with the clock's current time. */
public final class TreeHeadSigner {

    private final SigningKey key;
    private final Clock clock;

    public TreeHeadSigner(SigningKey key, Clock clock) {
        if (key == null || clock == null) {
            throw new IllegalArgumentException("key and clock are required");
        }
        this.key = key;
        this.clock = clock;
    }

    /** Signs {@code head} as of now. */
    public SignedTreeHead sign(TreeHead head) {
        long timestampMillis = clock.millis();
        byte[] rootHash = head.rootHash();
        byte[] input = TreeHeadSignatureInput.of(head.size(), timestampMillis, rootHash);
        try {
            // Signature objects are not thread-safe and cheap to create: one per head.
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key.privateKey());
            ed25519.update(input);
            return new SignedTreeHead(head.size(), timestampMillis, rootHash, ed25519.sign(), key.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed with key " + key.keyId(), e);
        }
    }

    /** Id of the key this signer uses. */
    public String keyId() {
        return key.keyId();
    }

    /** The public half of the key this signer uses, to publish or add to a {@link PublicKeyRing}. */
    public PublicKey publicKey() {
        return key.publicKey();
    }
}
