package fr.ccamhub.server.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;

/**
 * Stores AuditEvents in the FHIR store. Inside a write, the event joins that write's transaction:
 * the change and its audit record commit together or not at all.
 */
@Component
public class FhirAuditEventRepository implements AuditEventRepository {

	private final DaoRegistry daoRegistry;

	public FhirAuditEventRepository(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	@Override
	public void store(AuditEvent auditEvent) {
		daoRegistry.getResourceDao(AuditEvent.class).create(auditEvent, new SystemRequestDetails());
	}
}
