package fr.ccamhub.server.ins;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.ins.InsValidatingInterceptor;
import fr.ccamhub.server.fhir.StorageInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** INS validation of every Patient written, whatever the path. */
@Configuration(proxyBeanMethods = false)
public class InsConfig {

	@Bean
	StorageInterceptor insValidation(FhirContext fhirContext) {
		return new StorageInterceptor(new InsValidatingInterceptor(fhirContext));
	}
}
