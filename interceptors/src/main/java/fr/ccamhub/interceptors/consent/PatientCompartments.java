package fr.ccamhub.interceptors.consent;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/** Whose data a resource is: the patients whose compartment holds it (itself, for a Patient). */
public final class PatientCompartments {

	private PatientCompartments() {}

	public static List<String> ownersOf(FhirContext fhirContext, IBaseResource resource) {
		if ("Patient".equals(fhirContext.getResourceType(resource))) {
			return resource.getIdElement().hasIdPart() ? List.of(resource.getIdElement().getIdPart()) : List.of();
		}
		if (fhirContext.getResourceDefinition(resource).getSearchParamsForCompartmentName("Patient").isEmpty()) {
			return List.of();
		}
		return fhirContext.newTerser().getCompartmentOwnersForResource("Patient", resource, Set.of()).stream()
				.map(IIdType::getIdPart)
				.distinct()
				.toList();
	}
}
