package fr.ccamhub.interceptors.audit;

import org.hl7.fhir.r4.model.AuditEvent;

/** Where AuditEvents are kept: the FHIR store today, the ledger as well once it exists. */
@FunctionalInterface
public interface AuditEventRepository {

	void store(AuditEvent auditEvent);
}
