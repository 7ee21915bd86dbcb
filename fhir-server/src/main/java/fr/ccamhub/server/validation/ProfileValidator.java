package fr.ccamhub.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorBroadcaster;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validates a resource against a profile with the server's instance validator (the one behind
 * {@code $validate}), its findings post-processed by the interceptors registered for
 * {@code VALIDATION_COMPLETED}.
 */
public final class ProfileValidator {

	private final FhirContext fhirContext;
	private final IValidatorModule instanceValidator;
	private final IInterceptorBroadcaster interceptors;

	public ProfileValidator(FhirContext fhirContext, IValidatorModule instanceValidator, IInterceptorBroadcaster interceptors) {
		this.fhirContext = fhirContext;
		this.instanceValidator = instanceValidator;
		this.interceptors = interceptors;
	}

	/** The findings on {@code resource} against {@code profile} (and the profiles it declares). */
	public ValidationResult validate(IBaseResource resource, String profile) {
		FhirValidator validator = fhirContext.newValidator();
		validator.setInterceptorBroadcaster(interceptors);
		validator.registerValidatorModule(instanceValidator);
		return validator.validateWithResult(resource, new ValidationOptions().addProfileIfNotBlank(profile));
	}

	/** The error and fatal findings only, as an OperationOutcome whose issues name the element (FHIRPath). */
	public IBaseOperationOutcome errorsOf(ValidationResult result) {
		List<SingleValidationMessage> errors = result.getMessages().stream().filter(ProfileValidator::isError).toList();
		return new ValidationResult(fhirContext, errors).toOperationOutcome();
	}

	static boolean isError(SingleValidationMessage message) {
		return message.getSeverity() != null && message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal();
	}
}
