package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.dao.data.ITermCodeSystemVersionDao;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.nio.file.Path;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Stops and restarts the server on the same data directory, as an operator would. */
class RestartIT {

	private static final String CCAM = "https://smt.esante.gouv.fr/terminologie-ccam";
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@TempDir
	Path dataDirectory;

	@Test
	void restartKeepsDataDoesNotReloadCcamAndLoadsANewVersionBesideTheOld() {
		IIdType patientId;
		Long v81Pid;
		String ccamLastUpdated;
		try (ConfigurableApplicationContext first = start("ccam/V81")) {
			IGenericClient client = client(first);
			Patient patient = new Patient();
			patient.addName().setFamily("Persistante");
			patientId = client.create().resource(patient).execute().getId().toUnqualifiedVersionless();
			v81Pid = termVersionPid(first, "V81");
			ccamLastUpdated = client.read().resource(CodeSystem.class).withId("ccam-v81").execute()
					.getMeta().getLastUpdatedElement().getValueAsString();
		}

		try (ConfigurableApplicationContext second = start("ccam/V81", "ccam/V82-essai")) {
			IGenericClient client = client(second);
			assertThat(client.read().resource(Patient.class).withId(patientId).execute().getNameFirstRep().getFamily())
					.isEqualTo("Persistante");

			CodeSystem v81 = client.read().resource(CodeSystem.class).withId("ccam-v81").execute();
			assertThat(v81.getMeta().getVersionId()).isEqualTo("1");
			assertThat(v81.getMeta().getLastUpdatedElement().getValueAsString()).isEqualTo(ccamLastUpdated);
			assertThat(termVersionPid(second, "V81")).isEqualTo(v81Pid);

			assertThat(display(lookup(client, "ZZZZ082", null))).isEqualTo("Acte fictif créé pour le jeu d'essai V82");
			assertThat(lookup(client, "HHFA016", null).getParameterValue("version").primitiveValue()).isEqualTo("V82-essai");
			assertThat(lookup(client, "HHFA016", "V81").getParameterValue("version").primitiveValue()).isEqualTo("V81");
			assertThat(display(lookup(client, "HBGD001", "V81"))).isNotBlank();
		}
	}

	private ConfigurableApplicationContext start(String... releases) {
		return new SpringApplicationBuilder(CcamhubApplication.class).run(
				"--server.port=0",
				"--ccamhub.hl7.mllp.enabled=false",
				"--ccamhub.data-directory=" + dataDirectory,
				"--ccamhub.terminology.ccam.releases=" + String.join(",", releases));
	}

	private static IGenericClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		return FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
	}

	private static Long termVersionPid(ConfigurableApplicationContext context, String version) {
		ITermCodeSystemVersionDao dao = context.getBean(ITermCodeSystemVersionDao.class);
		return context.getBean(TransactionTemplate.class)
				.execute(tx -> dao.findByCodeSystemUriAndVersion(CCAM, version).getPid());
	}

	private static Parameters lookup(IGenericClient client, String code, String version) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("system").setValue(new UriType(CCAM));
		parameters.addParameter().setName("code").setValue(new CodeType(code));
		if (version != null) {
			parameters.addParameter().setName("version").setValue(new StringType(version));
		}
		return client.operation().onType(CodeSystem.class).named("$lookup").withParameters(parameters).execute();
	}

	private static String display(Parameters lookup) {
		return lookup.getParameterValue("display").primitiveValue();
	}
}
