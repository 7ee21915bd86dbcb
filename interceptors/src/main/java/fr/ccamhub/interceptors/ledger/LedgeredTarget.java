package fr.ccamhub.interceptors.ledger;

import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/** A Provenance target the ledger can prove: a local, versioned reference to a ledgered resource type. */
record LedgeredTarget(Reference reference, String resourceType, String resourceId, String versionId) {

	static Optional<LedgeredTarget> of(Reference reference, Set<String> ledgeredTypes) {
		if (!reference.hasReference()) {
			return Optional.empty();
		}
		IdType id = new IdType(reference.getReference());
		if (id.isAbsolute() || !id.hasResourceType() || !id.hasIdPart() || !id.hasVersionIdPart()
				|| !ledgeredTypes.contains(id.getResourceType())) {
			return Optional.empty();
		}
		return Optional.of(new LedgeredTarget(reference, id.getResourceType(), id.getIdPart(), id.getVersionIdPart()));
	}

	IdType versionedId() {
		return new IdType(resourceType, resourceId, versionId);
	}

	String display() {
		return resourceType + "/" + resourceId + "/_history/" + versionId;
	}
}
