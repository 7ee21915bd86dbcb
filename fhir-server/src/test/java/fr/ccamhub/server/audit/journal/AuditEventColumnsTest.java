package fr.ccamhub.server.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.storage.interceptor.balp.BalpProfileEnum;
import fr.ccamhub.interceptors.audit.access.AccessAuditEventJson;
import fr.ccamhub.interceptors.audit.access.AccessRecord;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class AuditEventColumnsTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@ParameterizedTest
	@EnumSource(value = BalpProfileEnum.class, names = {"PATIENT_READ", "BASIC_QUERY", "PATIENT_CREATE", "BASIC_UPDATE", "PATIENT_DELETE"})
	void anAccessRecordsColumnsAreThoseOfTheEventWrittenFromIt(BalpProfileEnum profile) {
		AccessRecord access = new AccessRecord("a1", Instant.parse("2026-12-07T10:15:30.123Z"), profile, "read", "http://x/fhir",
				new AccessRecord.Who("iss", "sub", "Dr"), new AccessRecord.Who(null, null, null), "10.0.0.1", "req-1",
				profile == BalpProfileEnum.BASIC_QUERY ? null : "Observation/3/_history/2",
				profile.name().startsWith("PATIENT") ? List.of("Patient/1", "Patient/2") : List.of(),
				profile == BalpProfileEnum.BASIC_QUERY ? "http://x/fhir/Observation?code=1" : null,
				profile == BalpProfileEnum.BASIC_QUERY ? "GET http://x/fhir/Observation?code=1" : null);

		AuditEvent event = FHIR.newJsonParser().parseResource(AuditEvent.class, AccessAuditEventJson.of(access).json());

		assertThat(AuditEventColumns.of(access)).isEqualTo(AuditEventColumns.of(event));
	}

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
