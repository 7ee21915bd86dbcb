package fr.ccamhub.server.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Stores the conformance resources of the {@code ig} module ({@code classpath:ig/*.json}) at
 * start-up, each by its id: created the first time, updated when the file changed, untouched
 * otherwise (HAPI makes no new version for identical content).
 */
@Component
@Order(20)
public class IgConformanceLoader implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(IgConformanceLoader.class);

	private final FhirContext fhirContext;
	private final DaoRegistry daoRegistry;

	public IgConformanceLoader(FhirContext fhirContext, DaoRegistry daoRegistry) {
		this.fhirContext = fhirContext;
		this.daoRegistry = daoRegistry;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:ig/*.json");
		for (Resource file : files) {
			IBaseResource resource = parse(file);
			@SuppressWarnings("unchecked")
			IFhirResourceDao<IBaseResource> dao = (IFhirResourceDao<IBaseResource>) daoRegistry.getResourceDao(resource.getClass());
			dao.update(resource, new SystemRequestDetails());
		}
		LOG.info("Loaded {} conformance resources of the ccamhub IG", files.length);
	}

	private IBaseResource parse(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return fhirContext.newJsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read IG resource " + file.getDescription(), e);
		}
	}
}
