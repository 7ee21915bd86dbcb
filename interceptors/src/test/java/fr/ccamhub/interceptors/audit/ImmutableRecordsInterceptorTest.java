package fr.ccamhub.interceptors.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;

class ImmutableRecordsInterceptorTest {

	private final ImmutableRecordsInterceptor interceptor = new ImmutableRecordsInterceptor();

	@Test
	void refusesToUpdateOrDeleteAnAuditEvent() {
		AuditEvent event = new AuditEvent();
		event.setId("AuditEvent/1");
		assertThatThrownBy(() -> interceptor.refuseUpdate(event, event)).isInstanceOf(MethodNotAllowedException.class)
				.hasMessageContaining("AuditEvent/1");
		assertThatThrownBy(() -> interceptor.refuseDelete(event)).isInstanceOf(MethodNotAllowedException.class);
	}

	@Test
	void refusesToUpdateOrDeleteAProvenance() {
		Provenance provenance = new Provenance();
		provenance.setId("Provenance/7");
		assertThatThrownBy(() -> interceptor.refuseUpdate(provenance, provenance)).isInstanceOf(MethodNotAllowedException.class)
				.hasMessageContaining("Provenance/7");
		assertThatThrownBy(() -> interceptor.refuseDelete(provenance)).isInstanceOf(MethodNotAllowedException.class);
	}

	@Test
	void letsOtherResourcesChange() {
		assertThatCode(() -> interceptor.refuseUpdate(new Patient(), new Patient())).doesNotThrowAnyException();
		assertThatCode(() -> interceptor.refuseDelete(new Patient())).doesNotThrowAnyException();
	}
}
