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
		return add(resource, Bundle.HTTPVerb.PUT, resource.fhirType() + "?" + identifierQuery(key), null);
	}

	/** Creates the resource unless one with this identifier exists (then that one is referenced). */
	public String createIfAbsent(Resource resource, Identifier key) {
		return add(resource, Bundle.HTTPVerb.POST, resource.fhirType(), identifierQuery(key));
	}

	/** Creates a resource with no identity of its own (e.g. the Binary of a document). */
	public String create(Resource resource) {
		return add(resource, Bundle.HTTPVerb.POST, resource.fhirType(), null);
	}

	private String add(Resource resource, Bundle.HTTPVerb method, String url, String ifNoneExist) {
		String fullUrl = "urn:uuid:" + UUID.randomUUID();
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
				.setMethod(method)
				.setUrl(url)
				.setIfNoneExist(ifNoneExist);
		return fullUrl;
	}

	/** FHIR search escaping of a token value: backslash, comma, pipe and dollar are literal with a backslash. */
	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|").replace("$", "\\$");
	}

	public Bundle bundle() {
		return bundle;
	}

	/**
	 * {@code identifier=system|value}. Only one identifier is used to match: HAPI 8.8.0 transactions
	 * do not match OR-ed conditional URLs ({@code identifier=a|1,b|2} creates a new resource even
	 * when one carries {@code b|2}), so callers pass a single, most specific identifier.
	 */
	static String identifierQuery(Identifier identifier) {
		return "identifier=" + URLEncoder.encode(identifier.getSystem(), StandardCharsets.UTF_8) + "|"
				+ URLEncoder.encode(escape(identifier.getValue()), StandardCharsets.UTF_8);
	}
}
