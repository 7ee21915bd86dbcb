package fr.ccamhub.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import fr.ccamhub.interceptors.consent.PatientConsentService;
import fr.ccamhub.server.fhir.RestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Patients' consent, enforced on everything the FHIR endpoint returns. */
@Configuration(proxyBeanMethods = false)
public class ConsentConfig {

	@Bean
	RestInterceptor consentInterceptor(FhirContext fhirContext, ConsentPolicyLookup policies) {
		return new RestInterceptor(20, new ConsentInterceptor(new PatientConsentService(fhirContext, policies)));
	}
}
