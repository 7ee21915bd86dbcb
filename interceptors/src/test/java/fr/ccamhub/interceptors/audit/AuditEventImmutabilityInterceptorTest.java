package fr.ccamhub.interceptors.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class AuditEventImmutabilityInterceptorTest {

	private final AuditEventImmutabilityInterceptor interceptor = new AuditEventImmutabilityInterceptor();

	@Test
	void refusesToUpdateOrDeleteAnAuditEvent() {
		AuditEvent event = new AuditEvent();
		event.setId("AuditEvent/1");
		assertThatThrownBy(() -> interceptor.refuseUpdate(event, event)).isInstanceOf(MethodNotAllowedException.class)
				.hasMessageContaining("AuditEvent/1");
		assertThatThrownBy(() -> interceptor.refuseDelete(event)).isInstanceOf(MethodNotAllowedException.class);
	}

	@Test
	void letsOtherResourcesChange() {
		assertThatCode(() -> interceptor.refuseUpdate(new Patient(), new Patient())).doesNotThrowAnyException();
		assertThatCode(() -> interceptor.refuseDelete(new Patient())).doesNotThrowAnyException();
	}
}
