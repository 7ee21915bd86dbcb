package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * AuditEvents and Provenances are records of what happened: written once, never updated nor
 * deleted, whoever asks and by whatever path (REST, transaction, internal DAO call), whatever the
 * access matrix grants. Registered on the storage layer.
 */
@Interceptor
public class ImmutableRecordsInterceptor {

	/** The record types that cannot change once written. */
	public static final Set<String> IMMUTABLE_TYPES = Set.of("AuditEvent", "Provenance");

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void refuseUpdate(IBaseResource previous, IBaseResource updated) {
		refuseIfImmutable(updated, "updated");
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void refuseDelete(IBaseResource deleted) {
		refuseIfImmutable(deleted, "deleted");
	}

	private static void refuseIfImmutable(IBaseResource resource, String verb) {
		if (resource != null && IMMUTABLE_TYPES.contains(resource.fhirType())) {
			throw new MethodNotAllowedException(resource.fhirType() + "s are immutable: "
					+ resource.getIdElement().toUnqualifiedVersionless().getValue() + " cannot be " + verb);
		}
	}
}
