package fr.ccamhub.interceptors.ledger;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import fr.ccamhub.ledger.audit.LedgerReceipts;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * Adds a {@link LedgerReceiptExtension ledger receipt} for each ledgered target of every Provenance the API returns
 * (read, vread, search, history). The receipt is built when the Provenance is served, so it always proves inclusion in
 * the newest anchored (or signed) head; it is not stored with the Provenance, whose own version stays as written.
 */
@Interceptor
public final class ProvenanceReceiptInterceptor {

	private final LedgerReceipts receipts;
	private final Set<String> ledgeredTypes;

	public ProvenanceReceiptInterceptor(LedgerReceipts receipts, Set<String> ledgeredTypes) {
		this.receipts = receipts;
		this.ledgeredTypes = Set.copyOf(ledgeredTypes);
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean outgoing(ResponseDetails response) {
		IBaseResource resource = response.getResponseResource();
		if (resource instanceof Provenance provenance) {
			addReceipts(provenance);
		} else if (resource instanceof Bundle bundle) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getResource() instanceof Provenance provenance) {
					addReceipts(provenance);
				}
			}
		}
		return true;
	}

	private void addReceipts(Provenance provenance) {
		provenance.getExtension().removeIf(extension -> LedgerReceiptExtension.URL.equals(extension.getUrl()));
		for (Reference target : provenance.getTarget()) {
			LedgeredTarget.of(target, ledgeredTypes).ifPresent(ledgered -> provenance.addExtension(LedgerReceiptExtension.of(
					target, receipts.lookUp(ledgered.resourceType(), ledgered.resourceId(), ledgered.versionId()))));
		}
	}
}
