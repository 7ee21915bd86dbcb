package fr.ccamhub.server.ledger;

/** Asks the ledger sequencer to take new outbox entries soon; for writers of ledgered records outside HAPI's storage. */
@FunctionalInterface
public interface LedgerWakeUp {

	void entriesCommitted();
}
