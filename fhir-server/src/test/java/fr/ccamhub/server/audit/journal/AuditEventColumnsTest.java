package fr.ccamhub.server.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class AuditEventColumnsTest {

	@Test
	void patientsAreTheAgentsAndEntitiesThatArePatientsWithoutVersions() {
		AuditEvent event = new AuditEvent();
		event.addAgent().setWho(new Reference("Practitioner/dr-1"));
		event.addEntity().setWhat(new Reference("Observation/7/_history/2")).setName("GET /fhir/Observation/7");
		event.addEntity().setWhat(new Reference("Patient/42/_history/3"));

		AuditEventColumns columns = AuditEventColumns.of(event);

		assertThat(columns.patientRefs()).containsExactly("Patient/42");
		assertThat(columns.entityRefs()).containsExactly("Observation/7", "Patient/42");
		assertThat(columns.agentRefs()).containsExactly("Practitioner/dr-1");
		assertThat(columns.entityNames()).containsExactly("GET /fhir/Observation/7");
	}

	@Test
	void tokensAreKeptWithTheirSystemAndAsBareCodes() {
		AuditEvent event = new AuditEvent();
		event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", null));
		event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "read", null));
		event.setAction(AuditEvent.AuditEventAction.R).setOutcome(AuditEvent.AuditEventOutcome._0)
				.setRecorded(new Date(1_700_000_000_000L));

		AuditEventColumns columns = AuditEventColumns.of(event);

		assertThat(columns.typeTokens()).containsExactly("rest", "http://terminology.hl7.org/CodeSystem/audit-event-type|rest");
		assertThat(columns.subtypeTokens()).containsExactly("read", "http://hl7.org/fhir/restful-interaction|read");
		assertThat(columns.action()).isEqualTo("R");
		assertThat(columns.outcome()).isEqualTo("0");
		assertThat(columns.recorded().toEpochMilli()).isEqualTo(1_700_000_000_000L);
	}

	@Test
	void containedAndUrnReferencesAreNotIndexed() {
		assertThat(AuditEventColumns.versionless("#contained")).isNull();
		assertThat(AuditEventColumns.versionless("urn:uuid:1234")).isNull();
		assertThat(AuditEventColumns.versionless("Patient/1/_history/9")).isEqualTo("Patient/1");
	}
}
