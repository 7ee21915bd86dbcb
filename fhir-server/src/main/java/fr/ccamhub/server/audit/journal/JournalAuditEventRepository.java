package fr.ccamhub.server.audit.journal;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.audit.access.AccessAuditEventJson;
import fr.ccamhub.interceptors.audit.access.AccessRecord;
import fr.ccamhub.interceptors.audit.access.AccessRecordSink;
import fr.ccamhub.interceptors.ledger.LedgerActors;
import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.ResourceHasher;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps AuditEvents in the audit journal, with their ledger entry, durably before the access they record is answered.
 *
 * <ul>
 *   <li>Inside a write transaction (a create, an update, a FHIR transaction), the row and its ledger entry join it:
 *       the change and its record commit together or not at all, with no commit of their own.</li>
 *   <li>Otherwise (a read, a search, a refusal), they are committed with those of concurrent requests by
 *       {@link AuditJournalGroupCommit} before this method returns: a busy server pays a fraction of a transaction and
 *       of an fsync per access.</li>
 * </ul>
 *
 * The event is encoded once: the stored JSON is what is served and what the ledger hash covers (meta aside, as for
 * every ledgered type), so an auditor recomputes the hash from the AuditEvent we serve.
 */
public final class JournalAuditEventRepository implements AuditEventRepository, AccessRecordSink {

	private final FhirContext fhirContext;
	private final DataSource dataSource;
	private final boolean ledgered;
	private final Runnable afterCommit;
	private final Clock clock;
	private final AuditJournalGroupCommit groupCommit;

	public JournalAuditEventRepository(FhirContext fhirContext, DataSource dataSource, boolean ledgered, Runnable afterCommit,
			Clock clock, AuditJournalGroupCommit groupCommit) {
		this.fhirContext = fhirContext;
		this.dataSource = dataSource;
		this.ledgered = ledgered;
		this.afterCommit = afterCommit;
		this.clock = clock;
		this.groupCommit = groupCommit;
	}

	/**
	 * An access, its AuditEvent written from the record. A write's joins the write's transaction. A read's or a
	 * search's is committed with those of concurrent requests (group commit) before this returns, whatever transaction
	 * the read itself runs in.
	 */
	@Override
	public void record(AccessRecord access) {
		AccessAuditEventJson event = AccessAuditEventJson.of(access);
		LedgerEntry entry = ledgered
				? new LedgerEntry("AuditEvent", access.id(), "1", event.ledgerHash(), LedgerAction.CREATE, LedgerActors.SERVER,
						access.recorded())
				: null;
		keep(new JournalRow(access.id(), AuditEventColumns.of(access), event.json(), entry), access.write());
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
		keep(new JournalRow(id, columns, json, entry), true);
	}

	/** In the current write transaction when there is one and {@code joinWrite}; otherwise group-committed now. */
	private void keep(JournalRow row, boolean joinWrite) {
		if (joinWrite && TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			TransactionAuditRows.add(dataSource, afterCommit, row);
		} else {
			groupCommit.append(row);
		}
	}
}
