package fr.ccamhub.interceptors.security;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each role may do, by resource type and by operation. This is the product's access matrix:
 * a token's SMART scopes can narrow it, never widen it.
 */
public final class RoleGrants {

	/** Terminology and conformance resources any authenticated caller may read. */
	public static final List<String> SHARED_REFERENCE_TYPES =
			List.of("CodeSystem", "ValueSet", "ConceptMap", "StructureDefinition", "SearchParameter", "NamingSystem",
					"OperationDefinition", "CapabilityStatement", "ImplementationGuide");

	/** Terminology operations any authenticated caller may run. */
	public static final List<String> SHARED_OPERATIONS =
			List.of("$lookup", "$validate-code", "$expand", "$subsumes", "$translate");

	/**
	 * Operations whose response is computed from the request alone (an OperationOutcome of rule
	 * findings, a ClaimResponse priced from the submitted Claim, CCAM suggestions for a note): nothing stored is returned, so the
	 * response needs no resource-level authorization beyond the grant of the operation itself.
	 */
	public static final Set<String> COMPUTED_RESPONSE_OPERATIONS = Set.of("$ccam-check", "$ccam-price", "$suggest-ccam", "$verify");

	private static final Map<Role, Map<String, Set<Permission>>> RESOURCES = new EnumMap<>(Role.class);
	private static final Map<Role, List<String>> OPERATIONS = new EnumMap<>(Role.class);

	static {
		Set<Permission> createReadUpdateSearch = Permission.of("crus");
		Set<Permission> readSearch = Permission.of("rs");

		// HAPI deletes are soft (history kept) and audited, so clinicians may correct their records.
		Map<String, Set<Permission>> clinician = new LinkedHashMap<>();
		for (String type : List.of("Patient", "Encounter", "EpisodeOfCare", "Procedure", "Observation", "Condition",
				"AllergyIntolerance", "MedicationStatement", "MedicationRequest", "DiagnosticReport", "ServiceRequest",
				"DocumentReference", "Binary", "Consent", "Task", "Flag", "Device", "Location", "Practitioner",
				"PractitionerRole", "Organization", "RelatedPerson", "Coverage")) {
			clinician.put(type, Permission.all());
		}
		clinician.put("Provenance", readSearch);
		RESOURCES.put(Role.CLINICIAN, clinician);

		Map<String, Set<Permission>> coder = new LinkedHashMap<>();
		coder.put("Procedure", Permission.of("rus"));
		coder.put("Task", Permission.of("rus"));
		for (String type : List.of("Patient", "Encounter", "Condition", "DocumentReference", "Practitioner",
				"PractitionerRole", "Organization", "Location", "Provenance")) {
			coder.put(type, readSearch);
		}
		RESOURCES.put(Role.CODER, coder);

		Map<String, Set<Permission>> billing = new LinkedHashMap<>();
		billing.put("Claim", createReadUpdateSearch);
		billing.put("ClaimResponse", createReadUpdateSearch);
		billing.put("Coverage", createReadUpdateSearch);
		for (String type : List.of("Patient", "Encounter", "Procedure", "Practitioner", "PractitionerRole",
				"Organization")) {
			billing.put(type, readSearch);
		}
		RESOURCES.put(Role.BILLING, billing);

		RESOURCES.put(Role.AUDITOR, Map.of("AuditEvent", readSearch, "Provenance", readSearch));
		RESOURCES.put(Role.DEVICE, Map.of("Observation", Permission.of("c")));

		Map<String, Set<Permission>> partner = new LinkedHashMap<>();
		for (String type : List.of("Patient", "DocumentReference", "Binary", "Observation", "Encounter", "Procedure",
				"Condition")) {
			partner.put(type, readSearch);
		}
		RESOURCES.put(Role.PARTNER, partner);

		Map<String, Set<Permission>> admin = new LinkedHashMap<>();
		for (String type : List.of("CodeSystem", "ValueSet", "ConceptMap", "StructureDefinition", "SearchParameter",
				"NamingSystem", "Subscription", "ImplementationGuide")) {
			admin.put(type, Permission.all());
		}
		RESOURCES.put(Role.ADMIN, admin);

		OPERATIONS.put(Role.CLINICIAN, List.of("$everything", "$suggest-ccam", "$ccam-check"));
		OPERATIONS.put(Role.CODER, List.of("$suggest-ccam", "$complete-review", "$ccam-check", "$ccam-price"));
		OPERATIONS.put(Role.BILLING, List.of("$ccam-check", "$ccam-price", "$build-claim"));
		OPERATIONS.put(Role.AUDITOR, List.of("$verify"));
		OPERATIONS.put(Role.DEVICE, List.of());
		OPERATIONS.put(Role.PARTNER, List.of("$everything"));
		OPERATIONS.put(Role.ADMIN, List.of("$upload-external-code-system", "$apply-codesystem-delta-add",
				"$apply-codesystem-delta-remove", "$reindex", "$invalidate-expansion"));
	}

	private RoleGrants() {}

	/** Resource types the role reaches and what it may do with each. */
	public static Map<String, Set<Permission>> resources(Role role) {
		return RESOURCES.getOrDefault(role, Map.of());
	}

	/** FHIR operations (beyond the shared terminology ones) the role may invoke. */
	public static List<String> operations(Role role) {
		return OPERATIONS.getOrDefault(role, List.of());
	}
}
