package fr.ccamhub.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringifiedProfileUrlSupportTest {

	@Test
	void unwrapsTheUrlHapiPassesForAUriOrCanonicalProfileParameter() {
		assertThat(StringifiedProfileUrlSupport.unwrap("UriType[https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient]"))
				.contains("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient");
		assertThat(StringifiedProfileUrlSupport.unwrap("CanonicalType[http://example.org/sd|1.0]")).contains("http://example.org/sd|1.0");
	}

	@Test
	void leavesPlainUrlsAlone() {
		assertThat(StringifiedProfileUrlSupport.unwrap("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient")).isEmpty();
		assertThat(StringifiedProfileUrlSupport.unwrap("StringType[x]")).isEmpty();
		assertThat(StringifiedProfileUrlSupport.unwrap(null)).isEmpty();
	}
}
