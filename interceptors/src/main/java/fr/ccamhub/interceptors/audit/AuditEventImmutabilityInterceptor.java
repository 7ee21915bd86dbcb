package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * AuditEvents are written once: no update and no delete, whoever asks and by whatever path
 * (REST, transaction, internal DAO call). Registered on the storage layer.
 */
@Interceptor
public class AuditEventImmutabilityInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void refuseUpdate(IBaseResource previous, IBaseResource updated) {
		refuseIfAuditEvent(updated, "updated");
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void refuseDelete(IBaseResource deleted) {
		refuseIfAuditEvent(deleted, "deleted");
	}

	private static void refuseIfAuditEvent(IBaseResource resource, String verb) {
		if (resource != null && "AuditEvent".equals(resource.fhirType())) {
			throw new MethodNotAllowedException("AuditEvents are immutable: " + resource.getIdElement().toUnqualifiedVersionless().getValue()
					+ " cannot be " + verb);
		}
	}
}
