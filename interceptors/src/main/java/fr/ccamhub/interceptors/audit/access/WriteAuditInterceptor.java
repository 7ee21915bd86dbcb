package fr.ccamhub.interceptors.audit.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's BALP interceptor for creates, updates and deletes only: their AuditEvents join the write's own transaction.
 * Reads and searches are recorded by {@link ReadAccessAuditInterceptor}.
 */
@Interceptor
public final class WriteAuditInterceptor {

	private final BalpAuditCaptureInterceptor balp;

	public WriteAuditInterceptor(BalpAuditCaptureInterceptor balp) {
		this.balp = balp;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource, ServletRequestDetails request) {
		balp.hookStoragePrecommitResourceCreated(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, ServletRequestDetails request) {
		balp.hookStoragePrecommitResourceUpdated(previous, resource, request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, ServletRequestDetails request) {
		balp.hookStoragePrecommitResourceDeleted(resource, request);
	}
}
