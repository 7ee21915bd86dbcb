package fr.ccamhub.coding;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

/**
 * {@code POST /Task/[id]/$complete-review}: a coder codes the act of a review Task. Parameters:
 * {@code code} (CCAM code), optional {@code activity} and {@code modifier}s (default: those of the
 * chosen suggestion), {@code justification} (required when the code is not a suggestion).
 * Returns the completed Task.
 */
public final class CompleteReviewOperation {

	private final ReviewCompletion completion;

	public CompleteReviewOperation(ReviewCompletion completion) {
		this.completion = completion;
	}

	@Operation(name = "$complete-review", type = Task.class, idempotent = false)
	public Task complete(
			@IdParam IdType taskId,
			@OperationParam(name = "code", min = 1, max = 1) CodeType code,
			@OperationParam(name = "activity", max = 1) IntegerType activity,
			@OperationParam(name = "modifier") List<CodeType> modifiers,
			@OperationParam(name = "justification", max = 1) StringType justification,
			RequestDetails request) {
		return completion.complete(taskId.getIdPart(), new ReviewCompletion.Decision(
				code == null ? null : code.getValue(),
				activity == null ? null : activity.getValue(),
				modifiers == null || modifiers.isEmpty() ? null : modifiers.stream().map(CodeType::getValue).toList(),
				justification == null ? null : justification.getValue(),
				coder(request)));
	}

	private static Reference coder(RequestDetails request) {
		return RequestPrincipals.of(request)
				.map(CompleteReviewOperation::reference)
				.orElse(new Reference().setDisplay("utilisateur non authentifié (profil de développement)"));
	}

	private static Reference reference(AccessPrincipal principal) {
		Reference reference = new Reference().setDisplay(principal.displayName() == null ? principal.subject() : principal.displayName());
		if (principal.subject() != null) {
			reference.setIdentifier(new Identifier().setSystem(principal.issuer()).setValue(principal.subject()));
		}
		return reference;
	}
}
