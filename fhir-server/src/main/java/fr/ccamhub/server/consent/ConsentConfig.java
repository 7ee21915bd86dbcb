package fr.ccamhub.server.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import fr.ccamhub.interceptors.consent.PatientConsentService;
import fr.ccamhub.server.fhir.RestInterceptor;
import fr.ccamhub.server.fhir.StorageInterceptor;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Patients' consent, enforced on everything the FHIR endpoint returns. Policies are cached per patient and
 * revalidated on every lookup against a counter each Consent write raises, so a revocation applies to the next
 * request on every replica.
 */
@Configuration(proxyBeanMethods = false)
public class ConsentConfig {

	@Bean
	ConsentVersions consentVersions(DataSource dataSource) throws SQLException {
		return new ConsentVersions(dataSource);
	}

	@Bean
	ConsentPolicyLookup consentPolicyLookup(DaoRegistry daoRegistry, ConsentVersions versions) {
		return new VersionedConsentPolicyLookup(new FhirConsentPolicyLookup(daoRegistry), versions::current, 100_000);
	}

	@Bean
	StorageInterceptor consentChanges(ConsentVersions versions) {
		return new StorageInterceptor(new ConsentChangeInterceptor(versions));
	}

	@Bean
	RestInterceptor consentInterceptor(FhirContext fhirContext, ConsentPolicyLookup policies) {
		return new RestInterceptor(20, new ConsentInterceptor(new PatientConsentService(fhirContext, policies)));
	}
}
