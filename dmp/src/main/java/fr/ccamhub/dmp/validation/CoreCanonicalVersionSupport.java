package fr.ccamhub.dmp.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Answers versioned HL7 canonicals ({@code http://hl7.org/fhir/StructureDefinition/Organization|4.0.1}, FR Core 2.2.0's
 * {@code …/patient-birthPlace|5.2.0}) with the unversioned definition the other supports hold. The PDSm and Annuaire
 * snapshots pin such versions; HAPI's core support only answers unversioned URLs, and the extensions package shipped
 * is 5.3.0, so without this every pinned reference is an "unable to resolve" error.
 */
final class CoreCanonicalVersionSupport extends BaseValidationSupport {

	private final List<IValidationSupport> delegates;

	CoreCanonicalVersionSupport(FhirContext fhirContext, List<IValidationSupport> delegates) {
		super(fhirContext);
		this.delegates = List.copyOf(delegates);
	}

	@Override
	public IBaseResource fetchStructureDefinition(String url) {
		String unversioned = unversionedHl7(url);
		if (unversioned == null) {
			return null;
		}
		for (IValidationSupport delegate : delegates) {
			IBaseResource found = delegate.fetchStructureDefinition(unversioned);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	@Override
	public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
		String unversioned = unversionedHl7(url);
		if (unversioned == null) {
			return null;
		}
		for (IValidationSupport delegate : delegates) {
			T found = delegate.fetchResource(type, unversioned);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	@Override
	public String getName() {
		return "ccamhub-core-canonical-version";
	}

	private static String unversionedHl7(String url) {
		if (url == null || !url.startsWith("http://hl7.org/fhir/")) {
			return null;
		}
		int bar = url.indexOf('|');
		return bar > 0 ? url.substring(0, bar) : null;
	}
}
