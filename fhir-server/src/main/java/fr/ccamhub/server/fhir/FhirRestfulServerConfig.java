package fr.ccamhub.server.fhir;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.TerminologyUploaderProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.rest.server.IResourceProvider;
import fr.ccamhub.interceptors.terminology.ExpansionTooLargeInterceptor;
import fr.ccamhub.server.audit.journal.AuditEventJournalProvider;
import fr.ccamhub.interceptors.terminology.LookupNotFoundMessageInterceptor;
import fr.ccamhub.server.terminology.RankedFilterValueSetOperationProvider;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR REST endpoint: HAPI's {@link RestfulServer} with the JPA resource providers and the
 * terminology operations ({@code $lookup}, {@code $validate-code}, {@code $subsumes}, {@code $expand}).
 */
@Configuration(proxyBeanMethods = false)
public class FhirRestfulServerConfig {

	@Bean
	public RestfulServer fhirRestfulServer(
			IFhirSystemDao<?, ?> systemDao,
			ResourceProviderFactory resourceProviders,
			IJpaSystemProvider systemProvider,
			RankedFilterValueSetOperationProvider valueSetOperationProvider,
			TerminologyUploaderProvider terminologyUploaderProvider,
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			DatabaseBackedPagingProvider pagingProvider,
			FhirServerProperties properties,
			List<RestInterceptor> restInterceptors,
			List<OperationProvider> operationProviders,
			AuditEventJournalProvider auditEvents) {
		RestfulServer server = new RestfulServer(systemDao.getContext());
		// AuditEvents are served from the audit journal, not from HAPI's resource tables.
		server.registerProviders(resourceProviders.createProviders().stream()
				.filter(provider -> !(provider instanceof IResourceProvider typed && typed.getResourceType() == auditEvents.getResourceType()))
				.toList());
		server.registerProvider(auditEvents);
		server.registerProvider(systemProvider);
		server.registerProvider(valueSetOperationProvider);
		server.registerProvider(terminologyUploaderProvider);
		operationProviders.forEach(operations -> server.registerProvider(operations.provider()));

		JpaCapabilityStatementProvider capabilityStatement = new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport);
		capabilityStatement.setImplementationDescription("ccamhub FHIR R4 server");
		server.setServerConformanceProvider(capabilityStatement);

		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		// Compact JSON unless the client asks (_pretty=true; browsers get the highlighted view anyway).
		server.setDefaultPrettyPrint(false);
		server.setPagingProvider(pagingProvider);
		server.setServerAddressStrategy(
				properties.serverAddress() == null || properties.serverAddress().isBlank()
						? new IncomingRequestAddressStrategy()
						: new HardcodedServerAddressStrategy(properties.serverAddress()));
		server.registerInterceptor(new ResponseHighlighterInterceptor());
		server.registerInterceptor(new LookupNotFoundMessageInterceptor());
		server.registerInterceptor(new ExpansionTooLargeInterceptor());
		restInterceptors.stream()
				.sorted(Comparator.comparingInt(RestInterceptor::order))
				.forEach(rest -> server.registerInterceptor(rest.interceptor()));
		if (properties.openApi()) {
			server.registerInterceptor(new OpenApiInterceptor());
		}
		return server;
	}

	@Bean
	public ServletRegistrationBean<RestfulServer> fhirServletRegistration(
			RestfulServer server, FhirServerProperties properties) {
		String path = properties.path().endsWith("/") ? properties.path() : properties.path() + "/";
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, path + "*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
