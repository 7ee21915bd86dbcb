package fr.ccamhub.bench.ledger;

import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic ledger entries, the same for the same number: the resource types the server writes, mostly creates, some
 * updates and a few deletes, one resource hash per entry, actors with RPPS-like ids, a few milliseconds apart.
 * Encoded, an entry is about 250 bytes of canonical JSON (170 for a delete, which has no resource hash).
 */
final class SampleEntries {

	private static final String[] RESOURCE_TYPES = {"Procedure", "Encounter", "Claim", "Observation", "Patient", "Task"};
	private static final Instant FIRST = Instant.parse("2026-11-21T08:00:00Z");

	private SampleEntries() {
	}

	/** Entry number {@code n}: deterministic, so a leaf index tells which entry should be there. */
	static LedgerEntry entry(long n) {
		String resourceType = RESOURCE_TYPES[(int) (n % RESOURCE_TYPES.length)];
		LedgerAction action = n % 100 == 99 ? LedgerAction.DELETE : n % 4 == 3 ? LedgerAction.UPDATE : LedgerAction.CREATE;
		byte[] resourceHash = null;
		if (action != LedgerAction.DELETE) {
			resourceHash = new byte[LedgerEntry.RESOURCE_HASH_LENGTH];
			new SplittableRandom(n).nextBytes(resourceHash);
		}
		String versionId = action == LedgerAction.CREATE ? "1" : "2";
		String actor = "Practitioner/" + (10_000_000_000L + n % 500);
		return new LedgerEntry(resourceType, Long.toString(100_000 + n), versionId, resourceHash, action, actor,
				FIRST.plusMillis(7 * n));
	}

	/** Entries {@code first} to {@code first + count - 1}. */
	static List<LedgerEntry> entries(long first, int count) {
		List<LedgerEntry> entries = new ArrayList<>(count);
		for (long n = first; n < first + count; n++) {
			entries.add(entry(n));
		}
		return entries;
	}

	/** The canonical bytes of entries {@code first} to {@code first + count - 1}: what the log hashes. */
	static List<byte[]> encoded(long first, int count) {
		List<byte[]> encoded = new ArrayList<>(count);
		for (long n = first; n < first + count; n++) {
			encoded.add(LedgerEntryCodec.encode(entry(n)));
		}
		return encoded;
	}
}
