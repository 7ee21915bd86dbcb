package fr.ccamhub.interceptors.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class AccessRefusalTest {

	@Test
	void namesRolesTypeInteractionEntryAndTheKeyToChange() {
		AccessRefusal refusal = new AccessRefusal(EnumSet.of(Role.CODER, Role.BILLING), "Immunization", "create",
				"Bundle.entry[4].resource");
		assertThat(refusal.message()).isEqualTo("Roles billing, coder may not create Immunization (Bundle.entry[4].resource)."
				+ " Access is granted per role in ccamhub.security.grants.");
		OperationOutcome.OperationOutcomeIssueComponent issue = refusal.toOperationOutcome().getIssueFirstRep();
		assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
		assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Bundle.entry[4].resource");
	}

	@Test
	void namesOperationsByTheirName() {
		AccessRefusal refusal = new AccessRefusal(Set.of(Role.CLINICIAN), "AuditEvent",
				AccessRefusal.interaction(RestOperationTypeEnum.EXTENDED_OPERATION_TYPE, "$export"), null);
		assertThat(refusal.message()).startsWith("Role clinician may not run $export on AuditEvent.");
		assertThat(refusal.toOperationOutcome().getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("AuditEvent");
	}

	@Test
	void readsAndSearchesAreNamedAsSuch() {
		assertThat(AccessRefusal.interaction(RestOperationTypeEnum.SEARCH_TYPE, null)).isEqualTo("search");
		assertThat(AccessRefusal.interaction(RestOperationTypeEnum.VREAD, null)).isEqualTo("read");
		assertThat(new AccessRefusal(Set.of(), null, "read", null).message()).startsWith("An unauthenticated caller may not read.");
	}
}
