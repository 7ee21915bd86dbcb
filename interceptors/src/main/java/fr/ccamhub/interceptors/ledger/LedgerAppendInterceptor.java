package fr.ccamhub.interceptors.ledger;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntry;
import java.time.Clock;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Appends every stored version of the ledgered resource types (Procedure, Task, Claim, Consent, AuditEvent,
 * Provenance, ...) to the ledger, in the transaction that stores it: the entry is written before the commit, so a
 * version is never stored without its entry, and a rolled-back write leaves no entry.
 */
@Interceptor
public final class LedgerAppendInterceptor {

	private final FhirContext fhirContext;
	private final LedgerEntrySink sink;
	private final Set<String> resourceTypes;
	private final Clock clock;

	public LedgerAppendInterceptor(FhirContext fhirContext, LedgerEntrySink sink, Set<String> resourceTypes, Clock clock) {
		this.fhirContext = fhirContext;
		this.sink = sink;
		this.resourceTypes = Set.copyOf(resourceTypes);
		this.clock = clock;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		record(resource, LedgerAction.CREATE, request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		record(resource, LedgerAction.UPDATE, request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, RequestDetails request) {
		record(resource, LedgerAction.DELETE, request);
	}

	private void record(IBaseResource resource, LedgerAction action, RequestDetails request) {
		String type = fhirContext.getResourceType(resource);
		if (!resourceTypes.contains(type)) {
			return;
		}
		IIdType id = resource.getIdElement();
		if (!id.hasIdPart() || !id.hasVersionIdPart()) {
			throw new IllegalStateException("A " + type + " reached the ledger without a versioned id: " + id.getValue());
		}
		byte[] hash = action == LedgerAction.DELETE ? null : FhirResourceHashes.hash(fhirContext, resource);
		sink.record(new LedgerEntry(type, id.getIdPart(), id.getVersionIdPart(), hash, action, LedgerActors.actorOf(request),
				clock.instant()));
	}
}
