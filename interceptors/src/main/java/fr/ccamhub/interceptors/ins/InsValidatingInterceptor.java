package fr.ccamhub.interceptors.ins;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * Refuses (422, one OperationOutcome issue per problem) any Patient whose INS is invalid, on every
 * write path: REST, transactions and internal writes such as HL7 v2 ingestion. Registered on the
 * storage layer so that no path goes around it.
 */
@Interceptor
public class InsValidatingInterceptor {

	private final FhirContext fhirContext;

	public InsValidatingInterceptor(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
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
		if (!(resource instanceof Patient patient)) {
			return;
		}
		List<InsIdentityValidator.Problem> problems = InsIdentityValidator.problems(patient);
		if (problems.isEmpty()) {
			return;
		}
		OperationOutcome outcome = new OperationOutcome();
		for (InsIdentityValidator.Problem problem : problems) {
			outcome.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(OperationOutcome.IssueType.INVALID)
					.setDiagnostics(problem.message())
					.addExpression(problem.expression());
		}
		throw new UnprocessableEntityException(fhirContext, outcome);
	}
}
