package fr.ccamhub.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The FHIR request size limits, checked before anything else reads the body. */
@Configuration(proxyBeanMethods = false)
public class FhirLimitsConfig {

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
			FhirContext fhirContext, FhirServerProperties server, FhirLimitsProperties limits, MeterRegistry meters) {
		RequestSizeLimitFilter filter = new RequestSizeLimitFilter(fhirContext, server.path(), limits,
				meters.counter("ccamhub.fhir.requests.refused", "reason", "too-large"));
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
		String path = server.path().endsWith("/") ? server.path() : server.path() + "/";
		registration.addUrlPatterns(path + "*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("fhirRequestSizeLimit");
		return registration;
	}
}
