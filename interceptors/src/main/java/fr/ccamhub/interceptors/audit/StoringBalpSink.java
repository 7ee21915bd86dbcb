package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Receives the AuditEvents HAPI's BALP interceptor generates and stores them, TDE-shaped. The
 * event of a deletion names what was deleted by identifier rather than by reference: the
 * target no longer exists, and a reference to it would be refused.
 */
public class StoringBalpSink implements IBalpAuditEventSink {

	/** Identifier system for the relative id of a deleted resource named in an AuditEvent. */
	public static final String DELETED_RESOURCE_SYSTEM = "https://fhir.ccamhub.fr/sid/deleted-resource";

	private final AuditEventRepository repository;

	public StoringBalpSink(AuditEventRepository repository) {
		this.repository = repository;
	}

	@Override
	public void recordAuditEvent(AuditEvent auditEvent) {
		if (auditEvent.getAction() == AuditEvent.AuditEventAction.D) {
			for (AuditEvent.AuditEventEntityComponent entity : auditEvent.getEntity()) {
				Reference what = entity.getWhat();
				if (what.hasReference()) {
					entity.setWhat(new Reference()
							.setIdentifier(new Identifier().setSystem(DELETED_RESOURCE_SYSTEM).setValue(what.getReference()))
							.setDisplay(what.getReference()));
				}
			}
		}
		repository.store(AuditEventShape.toTde(auditEvent));
	}
}
