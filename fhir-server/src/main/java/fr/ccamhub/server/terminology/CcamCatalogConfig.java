package fr.ccamhub.server.terminology;

import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The current CCAM release in memory, for code checks on hot paths (HL7 ingestion, rules). */
@Configuration(proxyBeanMethods = false)
public class CcamCatalogConfig {

	@Bean
	CcamRelease currentCcamRelease(CcamTerminologyProperties properties) {
		List<String> releases = properties.releases();
		return new CcamReleaseReader().read(releases.get(releases.size() - 1));
	}
}
