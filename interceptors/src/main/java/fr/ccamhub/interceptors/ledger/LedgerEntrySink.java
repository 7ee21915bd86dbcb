package fr.ccamhub.interceptors.ledger;

import fr.ccamhub.ledger.entry.LedgerEntry;

/** Where the append interceptor leaves an entry: durably, in the transaction of the write it records. */
@FunctionalInterface
public interface LedgerEntrySink {

	void record(LedgerEntry entry);
}
