package fr.ccamhub.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Refuses (422, an OperationOutcome naming each faulty element) a write of a resource that does not
 * conform to the profile configured for its type. Registered on the storage layer, so it sees REST,
 * transaction and internal (HL7 v2) writes alike.
 */
@Interceptor
public class StoreProfileValidatingInterceptor {

	private final FhirContext fhirContext;
	private final StoreProfiles profiles;
	private final ProfileValidator validator;

	public StoreProfileValidatingInterceptor(FhirContext fhirContext, StoreProfiles profiles, ProfileValidator validator) {
		this.fhirContext = fhirContext;
		this.profiles = profiles;
		this.validator = validator;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void validateCreated(IBaseResource resource) {
		validate(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void validateUpdated(IBaseResource previous, IBaseResource updated) {
		validate(updated);
	}

	private void validate(IBaseResource resource) {
		String type = fhirContext.getResourceType(resource);
		profiles.profileOf(type).ifPresent(profile -> {
			ValidationResult result = validator.validate(resource, profile);
			if (result.getMessages().stream().anyMatch(ProfileValidator::isError)) {
				throw new UnprocessableEntityException(fhirContext, validator.errorsOf(result));
			}
		});
	}
}
