package fr.ccamhub.interceptors.ledger;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.ledger.entry.ResourceHasher;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The ledger hash of a FHIR resource version: {@link ResourceHasher#hashFhirResource} of its FHIR JSON. */
public final class FhirResourceHashes {

	private FhirResourceHashes() {}

	public static byte[] hash(FhirContext fhirContext, IBaseResource resource) {
		return ResourceHasher.hashFhirResource(fhirContext.newJsonParser().encodeResourceToString(resource));
	}
}
