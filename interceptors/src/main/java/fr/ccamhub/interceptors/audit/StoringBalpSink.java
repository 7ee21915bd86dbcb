package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import org.hl7.fhir.r4.model.AuditEvent;

/** Receives the AuditEvents HAPI's BALP interceptor generates and stores them, TDE-shaped. */
public class StoringBalpSink implements IBalpAuditEventSink {

	private final AuditEventRepository repository;

	public StoringBalpSink(AuditEventRepository repository) {
		this.repository = repository;
	}

	@Override
	public void recordAuditEvent(AuditEvent auditEvent) {
		repository.store(AuditEventShape.toTde(auditEvent));
	}
}
