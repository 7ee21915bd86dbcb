package fr.ccamhub.interceptors.ccam;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Returns the CCAM findings of a flagged write: added to the OperationOutcome when the client asked
 * for one ({@code Prefer: return=OperationOutcome}), and always summarised in the
 * {@code X-Ccam-Check} response header (rule ids), as HAPI does for validation results.
 */
@Interceptor
public final class CcamCheckResponseInterceptor {

	public static final String HEADER = "X-Ccam-Check";

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean outgoing(RequestDetails request, ResponseDetails response) {
		@SuppressWarnings("unchecked")
		List<OperationOutcome.OperationOutcomeIssueComponent> issues = (List<OperationOutcome.OperationOutcomeIssueComponent>) request
				.getUserData().get(CcamStoreValidationInterceptor.FINDINGS_KEY);
		if (issues == null || issues.isEmpty()) {
			return true;
		}
		if (response.getResponseResource() instanceof OperationOutcome outcome) {
			issues.forEach(outcome::addIssue);
		}
		String summary = issues.stream()
				.map(issue -> issue.getSeverity().toCode() + " " + issue.getDetails().getCodingFirstRep().getCode())
				.distinct()
				.collect(Collectors.joining(", "));
		request.getResponse().addHeader(HEADER, summary);
		return true;
	}
}
