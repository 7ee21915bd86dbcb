package fr.ccamhub.server.audit;

import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import fr.ccamhub.interceptors.audit.ImmutableRecordsInterceptor;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.audit.BreakTheGlassAuditInterceptor;
import fr.ccamhub.interceptors.audit.PrincipalAuditContext;
import fr.ccamhub.interceptors.audit.RefusedAccessAuditInterceptor;
import fr.ccamhub.interceptors.audit.StoringBalpSink;
import fr.ccamhub.server.fhir.RestInterceptor;
import fr.ccamhub.server.fhir.StorageInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Audit trail: one AuditEvent per access to patient data (HAPI's IHE BALP capture), per refused
 * attempt, and per break-the-glass access; AuditEvents can never be changed or deleted.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfig {

	@Bean
	RestInterceptor balpAuditCapture(AuditEventRepository repository) {
		return new RestInterceptor(30, new BalpAuditCaptureInterceptor(new StoringBalpSink(repository), new PrincipalAuditContext()));
	}

	@Bean
	RestInterceptor refusedAccessAudit(AuditEventRepository repository) {
		return new RestInterceptor(31, new RefusedAccessAuditInterceptor(repository));
	}

	@Bean
	RestInterceptor breakTheGlassAudit(AuditEventRepository repository) {
		return new RestInterceptor(32, new BreakTheGlassAuditInterceptor(repository));
	}

	@Bean
	StorageInterceptor auditEventImmutability() {
		return new StorageInterceptor(new ImmutableRecordsInterceptor());
	}
}
