package fr.ccamhub.server.audit.journal;

import fr.ccamhub.ledger.store.LedgerOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The AuditEvents of one write transaction, written together just before it commits: a transaction Bundle of 100
 * creates inserts its 100 AuditEvents and their ledger entries in two JDBC batches instead of 200 round trips. They are
 * in the transaction, so the writes and their record commit together or not at all.
 */
final class TransactionAuditRows implements TransactionSynchronization {

	private final DataSource dataSource;
	private final Runnable afterCommit;
	private final List<JournalRow> rows = new ArrayList<>();

	private TransactionAuditRows(DataSource dataSource, Runnable afterCommit) {
		this.dataSource = dataSource;
		this.afterCommit = afterCommit;
	}

	/** Adds {@code row} to the current transaction's AuditEvents; a transaction must be active. */
	static void add(DataSource dataSource, Runnable afterCommit, JournalRow row) {
		TransactionAuditRows current = (TransactionAuditRows) TransactionSynchronizationManager.getResource(TransactionAuditRows.class);
		if (current == null) {
			current = new TransactionAuditRows(dataSource, afterCommit);
			TransactionSynchronizationManager.bindResource(TransactionAuditRows.class, current);
			TransactionSynchronizationManager.registerSynchronization(current);
		}
		current.rows.add(row);
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		if (rows.isEmpty()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			JdbcAuditJournal.appendAll(connection, rows);
			LedgerOutbox.enqueueAll(connection, rows.stream().map(JournalRow::ledgerEntry).filter(Objects::nonNull).toList());
		} catch (SQLException e) {
			throw new AuditJournalException("cannot record the " + rows.size() + " AuditEvents of this transaction, the first "
					+ "AuditEvent/" + rows.get(0).id() + ": " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	@Override
	public void afterCommit() {
		if (rows.stream().map(JournalRow::ledgerEntry).anyMatch(Objects::nonNull)) {
			afterCommit.run();
		}
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(TransactionAuditRows.class);
	}
}
