package fr.ccamhub.bench.plain;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import fr.ccamhub.server.fhir.FhirServerProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HAPI's RestfulServer with the JPA resource and system providers only, answering pretty JSON, at ccamhub's FHIR path. */
@Configuration(proxyBeanMethods = false)
class PlainRestfulServerConfig {

	@Bean
	RestfulServer fhirRestfulServer(
			IFhirSystemDao<?, ?> systemDao,
			ResourceProviderFactory resourceProviders,
			IJpaSystemProvider systemProvider,
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			DatabaseBackedPagingProvider pagingProvider) {
		RestfulServer server = new RestfulServer(systemDao.getContext());
		server.registerProviders(resourceProviders.createProviders());
		server.registerProvider(systemProvider);
		JpaCapabilityStatementProvider capabilityStatement = new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport);
		capabilityStatement.setImplementationDescription("plain HAPI FHIR (ccamhub baseline)");
		server.setServerConformanceProvider(capabilityStatement);
		// As ccamhub answers: compact JSON (HAPI's own default), pretty-printed only on _pretty=true.
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.setDefaultPrettyPrint(false);
		server.setPagingProvider(pagingProvider);
		server.setServerAddressStrategy(new IncomingRequestAddressStrategy());
		return server;
	}

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServletRegistration(RestfulServer server, FhirServerProperties properties) {
		String path = properties.path().endsWith("/") ? properties.path() : properties.path() + "/";
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, path + "*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}
}
