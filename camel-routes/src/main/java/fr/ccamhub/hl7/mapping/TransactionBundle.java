package fr.ccamhub.hl7.mapping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
		return upsert(resource, List.of(key));
	}

	/** Same, matching a resource that carries any of these identifiers (e.g. IPP or INS). */
	public String upsert(Resource resource, List<Identifier> keys) {
		String fullUrl = "urn:uuid:" + UUID.randomUUID();
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(resource.fhirType() + "?" + identifierQuery(keys));
		return fullUrl;
	}

	/** Creates the resource unless one with this identifier exists (then that one is referenced). */
	public String createIfAbsent(Resource resource, Identifier key) {
		return createIfAbsent(resource, List.of(key));
	}

	/** Same, matching a resource that carries any of these identifiers. */
	public String createIfAbsent(Resource resource, List<Identifier> keys) {
		String fullUrl = "urn:uuid:" + UUID.randomUUID();
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.POST)
				.setUrl(resource.fhirType())
				.setIfNoneExist(identifierQuery(keys));
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

	/** FHIR search escaping of a token value: backslash, comma, pipe and dollar are literal with a backslash. */
	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|").replace("$", "\\$");
	}

	public Bundle bundle() {
		return bundle;
	}

	/** {@code identifier=s1|v1,s2|v2}: a comma is an OR in FHIR search. */
	static String identifierQuery(List<Identifier> identifiers) {
		return "identifier=" + String.join(",", identifiers.stream()
				.map(identifier -> URLEncoder.encode(identifier.getSystem(), StandardCharsets.UTF_8) + "|"
						+ URLEncoder.encode(escape(identifier.getValue()), StandardCharsets.UTF_8))
				.toList());
	}
}
