package fr.ccamhub.ledger.store;

import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;

/**
 * An entry of the log at its leaf index, as stored: its bytes are what the leaf hash covers. They are kept raw so a
 * row altered in the database is reported, not silently re-encoded.
 */
public record SequencedEntry(long leafIndex, byte[] bytes) {

	public SequencedEntry {
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	/** The entry these bytes encode; {@link IllegalArgumentException} if they are not a canonical entry. */
	public LedgerEntry decode() {
		return LedgerEntryCodec.decode(bytes);
	}
}
