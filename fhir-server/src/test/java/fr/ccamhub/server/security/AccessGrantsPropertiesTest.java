package fr.ccamhub.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.interceptors.security.AccessMatrix;
import fr.ccamhub.interceptors.security.Permission;
import fr.ccamhub.interceptors.security.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shipped access matrix, bound from application.yaml as Spring would, without a Spring context. */
class AccessGrantsPropertiesTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@Test
	void shippedDefaultsLetCliniciansWriteEveryClinicalTypeButNotTheAuditTrail() throws IOException {
		AccessMatrix matrix = bind(List.of()).toMatrix(FHIR);
		for (String type : List.of("Immunization", "MedicationAdministration", "Medication", "ImagingStudy", "CareTeam",
				"CarePlan", "SupplyDelivery", "Specimen", "QuestionnaireResponse", "Group", "Patient", "DocumentReference")) {
			assertThat(matrix.resources(Role.CLINICIAN).get(type)).as(type).isEqualTo(Permission.all());
		}
		assertThat(matrix.resources(Role.CLINICIAN)).doesNotContainKeys("AuditEvent", "Claim", "ExplanationOfBenefit");
		assertThat(matrix.resources(Role.CLINICIAN).get("Provenance")).isEqualTo(Permission.of("rs"));
		assertThat(matrix.resources(Role.BILLING).get("ExplanationOfBenefit")).isEqualTo(Permission.of("crus"));
		assertThat(matrix.resources(Role.AUDITOR).keySet()).containsExactlyInAnyOrder("AuditEvent", "Provenance");
		assertThat(matrix.operations(Role.CLINICIAN)).contains("$validate", "$everything");
	}

	@Test
	void integrationClientsWriteWholeRecordsAndCreateProvenanceWithoutEditingIt() throws IOException {
		AccessMatrix matrix = bind(List.of()).toMatrix(FHIR);
		Map<String, java.util.Set<Permission>> integration = matrix.resources(Role.INTEGRATION);
		assertThat(integration.get("Provenance")).isEqualTo(Permission.of("crs"));
		assertThat(integration.get("ExplanationOfBenefit")).isEqualTo(Permission.all());
		assertThat(integration).doesNotContainKey("AuditEvent");
		assertThat(matrix.operations(Role.INTEGRATION)).contains("$export", "$validate");
	}

	@Test
	void aSiteWithdrawsOrGrantsATypeFromTheEnvironmentWithoutCode() throws IOException {
		AccessMatrix matrix = bind(List.of(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
				"CCAMHUB_SECURITY_GRANTS_ROLES_CLINICIAN_RESOURCES_IMMUNIZATION", "none",
				"CCAMHUB_SECURITY_GRANTS_ROLES_CODER_RESOURCES_IMMUNIZATION", "rs")))).toMatrix(FHIR);
		assertThat(matrix.resources(Role.CLINICIAN)).doesNotContainKey("Immunization").containsKey("Patient");
		assertThat(matrix.resources(Role.CODER).get("Immunization")).isEqualTo(Permission.of("rs"));
	}

	@Test
	void aWrongGrantFailsStartUpNamingTheKey() throws IOException {
		AccessGrantsProperties wrong = bind(List.of(new MapPropertySource("site", Map.of(
				"ccamhub.security.grants.roles.clinician.resources.Patientt", "cruds",
				"ccamhub.security.grants.roles.coder.resources.Task", "wx",
				"ccamhub.security.grants.roles.surgeon.resources.Patient", "rs"))));
		assertThatThrownBy(() -> wrong.toMatrix(FHIR))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("ccamhub.security.grants.roles.clinician.resources.Patientt: 'Patientt' is not an R4 resource type")
				.hasMessageContaining("ccamhub.security.grants.roles.coder.resources.Task: 'wx' is not a grant")
				.hasMessageContaining("ccamhub.security.grants.roles.surgeon: unknown role 'surgeon'");
	}

	private static AccessGrantsProperties bind(List<PropertySource<?>> overrides) throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		overrides.forEach(sources::addLast);
		List<PropertySource<?>> yaml = new ArrayList<>(
				new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml")));
		yaml.forEach(sources::addLast);
		return new Binder(ConfigurationPropertySources.from(sources))
				.bind("ccamhub.security.grants", AccessGrantsProperties.class)
				.get();
	}
}
