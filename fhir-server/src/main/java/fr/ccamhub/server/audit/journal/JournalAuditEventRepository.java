package fr.ccamhub.server.audit.journal;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.ledger.LedgerActors;
import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.ResourceHasher;
import fr.ccamhub.ledger.store.LedgerOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps AuditEvents in the audit journal, with their ledger entry, durably before the access they record is answered.
 *
 * <ul>
 *   <li>Inside a write transaction (a create, an update, a FHIR transaction), the row and its ledger entry join it:
 *       the change and its record commit together or not at all, with no commit of their own.</li>
 *   <li>Otherwise (a read, a search, a refusal), they commit in a short transaction of their own before this method
 *       returns. Concurrent commits share PostgreSQL's WAL flushes (group commit), so a busy server pays a fraction
 *       of an fsync per access.</li>
 * </ul>
 *
 * The event is encoded once: the stored JSON is what is served and what the ledger hash covers (meta aside, as for
 * every ledgered type), so an auditor recomputes the hash from the AuditEvent we serve.
 */
public final class JournalAuditEventRepository implements AuditEventRepository {

	private final FhirContext fhirContext;
	private final DataSource dataSource;
	private final boolean ledgered;
	private final Runnable afterCommit;
	private final Clock clock;

	public JournalAuditEventRepository(FhirContext fhirContext, DataSource dataSource, boolean ledgered, Runnable afterCommit,
			Clock clock) {
		this.fhirContext = fhirContext;
		this.dataSource = dataSource;
		this.ledgered = ledgered;
		this.afterCommit = afterCommit;
		this.clock = clock;
	}

	@Override
	public void store(AuditEvent auditEvent) {
		Instant now = clock.instant();
		if (!auditEvent.hasRecorded()) {
			auditEvent.setRecorded(Date.from(now));
		}
		String id = UUID.randomUUID().toString();
		auditEvent.setId("AuditEvent/" + id + "/_history/1");
		// Stored when recorded: searches on _lastUpdated and on date use the same instant.
		auditEvent.getMeta().setVersionId("1").setLastUpdated(auditEvent.getRecorded());
		String json = fhirContext.newJsonParser().encodeResourceToString(auditEvent);
		AuditEventColumns columns = AuditEventColumns.of(auditEvent);
		LedgerEntry entry = ledgered
				? new LedgerEntry("AuditEvent", id, "1", ResourceHasher.hashFhirResource(json), LedgerAction.CREATE,
						LedgerActors.SERVER, now)
				: null;
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			appendInCurrentTransaction(id, columns, json, entry);
		} else {
			appendInOwnTransaction(id, columns, json, entry);
		}
	}

	private void appendInCurrentTransaction(String id, AuditEventColumns columns, String json, LedgerEntry entry) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			append(connection, id, columns, json, entry);
		} catch (SQLException e) {
			throw new AuditJournalException("cannot record AuditEvent/" + id + ": " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		if (entry != null) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					afterCommit.run();
				}
			});
		}
	}

	private void appendInOwnTransaction(String id, AuditEventColumns columns, String json, LedgerEntry entry) {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				append(connection, id, columns, json, entry);
				connection.commit();
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			} finally {
				connection.setAutoCommit(autoCommit);
			}
		} catch (SQLException e) {
			throw new AuditJournalException("cannot record AuditEvent/" + id + ": " + e.getMessage(), e);
		}
		if (entry != null) {
			afterCommit.run();
		}
	}

	private static void append(Connection connection, String id, AuditEventColumns columns, String json, LedgerEntry entry)
			throws SQLException {
		JdbcAuditJournal.append(connection, id, columns, json);
		if (entry != null) {
			LedgerOutbox.enqueue(connection, entry);
		}
	}
}
