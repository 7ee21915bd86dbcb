package fr.ccamhub.hl7.mapping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR transaction one HL7 message becomes. Resources that already exist are matched by
 * identifier (conditional create or update), so a patient or stay named again is not duplicated.
 */
public final class TransactionBundle {

	private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);

	/** Creates the resource, or replaces the one with this identifier (ADT updates demographics). */
	public String upsert(Resource resource, Identifier key) {
		String fullUrl = "urn:uuid:" + UUID.randomUUID();
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(resource.fhirType() + "?" + identifierQuery(key));
		return fullUrl;
	}

	/** Creates the resource unless one with this identifier exists (then that one is referenced). */
	public String createIfAbsent(Resource resource, Identifier key) {
		String fullUrl = "urn:uuid:" + UUID.randomUUID();
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.POST)
				.setUrl(resource.fhirType())
				.setIfNoneExist(identifierQuery(key));
		return fullUrl;
	}

	/** Creates a resource with no identity of its own (e.g. the Binary of a document). */
	public String create(Resource resource) {
		String fullUrl = "urn:uuid:" + UUID.randomUUID();
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.POST)
				.setUrl(resource.fhirType());
		return fullUrl;
	}

	public Bundle bundle() {
		return bundle;
	}

	static String identifierQuery(Identifier identifier) {
		return "identifier=" + URLEncoder.encode(identifier.getSystem(), StandardCharsets.UTF_8) + "|"
				+ URLEncoder.encode(identifier.getValue(), StandardCharsets.UTF_8);
	}
}
