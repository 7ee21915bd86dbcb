package fr.ccamhub.server.dmp;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import fr.ccamhub.server.fhir.OperationProvider;
import fr.ccamhub.terminology.ccam.CcamRelease;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code Encounter/[id]/$acts-summary}: the per-stay summary of coded acts, whether or not DMP sharing is on. */
@Configuration(proxyBeanMethods = false)
public class ActsSummaryConfig {

	@Bean
	OperationProvider actsSummaryOperation(DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao, CcamRelease ccam,
			DmpProperties properties) {
		return new OperationProvider(new ActsSummaryOperation(daos, systemDao, ccam, properties.organization().name(),
				ZoneId.of("Europe/Paris")));
	}
}
