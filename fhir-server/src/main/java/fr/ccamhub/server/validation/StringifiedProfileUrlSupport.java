package fr.ccamhub.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Works around HAPI reading {@code $validate}'s {@code profile} parameter with {@code toString()}:
 * sent as the specification's {@code valueUri} or {@code valueCanonical}, it reaches the validator
 * as {@code UriType[https://...]}. Such a URL resolves here to the StructureDefinition of the URL
 * inside; every other URL is left to the rest of the chain.
 */
final class StringifiedProfileUrlSupport implements IValidationSupport {

	private static final Pattern STRINGIFIED = Pattern.compile("^(?:UriType|CanonicalType|UrlType)\\[(.+)]$");

	private final FhirContext fhirContext;
	private final IValidationSupport chain;

	StringifiedProfileUrlSupport(FhirContext fhirContext, IValidationSupport chain) {
		this.fhirContext = fhirContext;
		this.chain = chain;
	}

	/** The URL inside {@code UriType[...]} (or CanonicalType, UrlType), if that is what this is. */
	static Optional<String> unwrap(String url) {
		if (url == null) {
			return Optional.empty();
		}
		Matcher matcher = STRINGIFIED.matcher(url.trim());
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	@Override
	public IBaseResource fetchStructureDefinition(String url) {
		return unwrap(url).map(chain::fetchStructureDefinition).orElse(null);
	}

	@Override
	public FhirContext getFhirContext() {
		return fhirContext;
	}

	@Override
	public String getName() {
		return "ccamhub $validate profile parameter fix";
	}
}
