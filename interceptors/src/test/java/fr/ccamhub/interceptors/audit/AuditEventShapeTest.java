package fr.ccamhub.interceptors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class AuditEventShapeTest {

	@Test
	void keepsTheRequestorAndTheClientWhenBalpNamesThreeAgents() {
		AuditEvent event = new AuditEvent();
		event.addAgent().setWho(new Reference().setDisplay("client"));
		event.addAgent().setWho(new Reference().setDisplay("server"));
		event.addAgent().setRequestor(true).setWho(new Reference().setDisplay("user"));

		AuditEventShape.toTde(event);

		assertThat(event.getAgent()).extracting(agent -> agent.getWho().getDisplay()).containsExactly("user", "client");
	}

	@Test
	void addsWhatTheTdeProfileRequires() {
		AuditEvent event = new AuditEvent();
		event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "read", null));
		event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "vread", null));

		AuditEventShape.toTde(event);

		assertThat(event.getPeriod().getStart()).isEqualTo(event.getRecorded()).isNotNull();
		assertThat(event.getSubtype()).hasSize(1);
		assertThat(event.getMeta().hasProfile(AuditEventShape.TDE_PROFILE)).isTrue();
	}
}
