package fr.ccamhub.interceptors.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What authorization refused, in words a site's integrator can act on: the caller's roles, the
 * resource type, the interaction or operation, and where in the request (a transaction entry).
 *
 * @param roles the caller's roles; empty for an unauthenticated caller
 * @param resourceType the type refused, or null when the refusal is not about one type
 * @param interaction FHIR interaction ({@code create}, {@code read}, …) or operation ({@code $export})
 * @param expression FHIRPath of the refused part of the request, e.g. {@code Bundle.entry[3].resource}
 */
public record AccessRefusal(Set<Role> roles, String resourceType, String interaction, String expression) {

	/** The configuration prefix where a site grants what was refused. */
	public static final String GRANTS_KEY = "ccamhub.security.grants";

	/** The interaction word for a HAPI operation type: {@code create}, {@code read}, {@code search}, … */
	public static String interaction(RestOperationTypeEnum operation, String operationName) {
		if (operation == null) {
			return "access";
		}
		return switch (operation) {
			case EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE ->
					operationName == null ? "operation" : operationName;
			case SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE -> "search";
			case READ, VREAD -> "read";
			case HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM -> "history";
			default -> operation.getCode();
		};
	}

	public String message() {
		String who = roles.isEmpty() ? "An unauthenticated caller"
				: "Role" + (roles.size() > 1 ? "s " : " ") + roles.stream().map(Role::claimValue).sorted().collect(Collectors.joining(", "));
		String what = interaction.startsWith("$")
				? "run " + interaction + (resourceType == null ? "" : " on " + resourceType)
				: interaction + (resourceType == null ? "" : " " + resourceType);
		String where = expression == null ? "" : " (" + expression + ")";
		return who + " may not " + what + where + ". Access is granted per role in " + GRANTS_KEY + ".";
	}

	public OperationOutcome toOperationOutcome() {
		OperationOutcome outcome = new OperationOutcome();
		OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.FORBIDDEN)
				.setDiagnostics(message());
		if (expression != null) {
			issue.addExpression(expression);
		} else if (resourceType != null) {
			issue.addExpression(resourceType);
		}
		return outcome;
	}
}
