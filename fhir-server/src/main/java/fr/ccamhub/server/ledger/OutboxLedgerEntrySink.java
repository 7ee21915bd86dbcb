package fr.ccamhub.server.ledger;

import fr.ccamhub.interceptors.ledger.LedgerEntrySink;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.store.LedgerOutbox;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes entries to the ledger outbox on the connection of the current Spring (HAPI JPA) transaction, so the entry
 * commits with the resource version it records, and wakes the sequencer once that transaction has committed.
 */
final class OutboxLedgerEntrySink implements LedgerEntrySink {

	private final DataSource dataSource;
	private final Runnable afterCommit;

	OutboxLedgerEntrySink(DataSource dataSource, Runnable afterCommit) {
		this.dataSource = dataSource;
		this.afterCommit = afterCommit;
	}

	@Override
	public void record(LedgerEntry entry) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The ledger entry of " + entry.versionedReference()
					+ " must be written in the transaction that stores the resource, and none is active");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			LedgerOutbox.enqueue(connection, entry);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				afterCommit.run();
			}
		});
	}
}
