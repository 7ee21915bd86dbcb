package fr.ccamhub.hl7.mapping;

import fr.ccamhub.terminology.fhir.CcamSystems;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** FHIR system URIs for the identifiers and coding systems HL7 v2 feeds name. */
public final class Hl7Systems {

	public static final String INS_NIR = "1.2.250.1.213.1.4.8";
	public static final String INS_NIA = "1.2.250.1.213.1.4.9";
	public static final String INS_NIR_TEST = "1.2.250.1.213.1.4.10";
	public static final String INS_NIR_DEMO = "1.2.250.1.213.1.4.11";
	public static final String RPPS_ID_NAT_PS_OID = "1.2.250.1.71.4.2.1";
	public static final String RPPS = "https://rpps.esante.gouv.fr";
	public static final String IDENTIFIER_TYPE_V2 = "http://terminology.hl7.org/CodeSystem/v2-0203";
	public static final String FR_CORE_IDENTIFIER_TYPE = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
	public static final String LOCAL_IDENTIFIER_BASE = CcamSystems.CCAMHUB_CANONICAL_BASE + "/sid/hl7/";
	public static final String LOCAL_CODE_SYSTEM_BASE = CcamSystems.CCAMHUB_CANONICAL_BASE + "/sid/hl7-coding-system/";
	public static final String CIM10 = "https://smt.esante.gouv.fr/terminologie-cim-10";
	public static final String UCUM = "http://unitsofmeasure.org";
	public static final String MDC = "urn:iso:std:iso:11073:10101";

	private static final Map<String, String> CODING_SYSTEMS = Map.ofEntries(
			Map.entry("LN", "http://loinc.org"),
			Map.entry("LOINC", "http://loinc.org"),
			Map.entry("2.16.840.1.113883.6.1", "http://loinc.org"),
			Map.entry("MDC", MDC),
			Map.entry("UCUM", UCUM),
			Map.entry("SCT", "http://snomed.info/sct"),
			Map.entry("SNM", "http://snomed.info/sct"),
			Map.entry("C4", "http://www.ama-assn.org/go/cpt"),
			Map.entry("CPT", "http://www.ama-assn.org/go/cpt"),
			Map.entry("I10", CIM10),
			Map.entry("CIM10", CIM10),
			Map.entry("CIM-10", CIM10),
			Map.entry("ICD10", CIM10),
			Map.entry("2.16.840.1.113883.6.3", "http://hl7.org/fhir/sid/icd-10"),
			Map.entry("HL70078", "http://terminology.hl7.org/CodeSystem/v2-0078"));

	private Hl7Systems() {}

	/** Whether a CE/CWE/CNE coding system names CCAM (by name, legacy OID or canonical URL). */
	public static boolean isCcam(String codingSystem) {
		String system = codingSystem == null ? "" : codingSystem.trim();
		return system.equalsIgnoreCase("CCAM") || system.equals(CcamSystems.CCAM_OID)
				|| system.equals("urn:oid:" + CcamSystems.CCAM_OID) || system.equals(CcamSystems.CCAM);
	}

	/** FHIR system of a coding system named in a coded field; empty when none is named. */
	public static Optional<String> codingSystem(String codingSystem) {
		if (codingSystem == null || codingSystem.isBlank()) {
			return Optional.empty();
		}
		String name = codingSystem.trim();
		if (isCcam(name)) {
			return Optional.of(CcamSystems.CCAM);
		}
		String known = CODING_SYSTEMS.get(name.toUpperCase(Locale.ROOT));
		if (known != null) {
			return Optional.of(known);
		}
		if (name.matches("[0-2](\\.[0-9]+)+")) {
			return Optional.of("urn:oid:" + name);
		}
		if (name.startsWith("http://") || name.startsWith("https://") || name.startsWith("urn:")) {
			return Optional.of(name);
		}
		return Optional.of(LOCAL_CODE_SYSTEM_BASE + encode(name));
	}

	/** Identifier system of an HD assigning authority: its ISO OID, else a ccamhub URI for its namespace. */
	public static Optional<String> assigningAuthority(String namespace, String universalId, String universalIdType) {
		if (universalId != null && universalId.matches("[0-2](\\.[0-9]+)+")
				&& (universalIdType == null || universalIdType.isBlank() || universalIdType.equalsIgnoreCase("ISO"))) {
			return Optional.of("urn:oid:" + universalId);
		}
		if (namespace != null && !namespace.isBlank()) {
			return Optional.of(LOCAL_IDENTIFIER_BASE + encode(namespace.trim()));
		}
		if (universalId != null && !universalId.isBlank()) {
			return Optional.of(LOCAL_IDENTIFIER_BASE + encode(universalId.trim()));
		}
		return Optional.empty();
	}

	static boolean isInsOid(String oid) {
		return INS_NIR.equals(oid) || INS_NIA.equals(oid) || INS_NIR_TEST.equals(oid) || INS_NIR_DEMO.equals(oid);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
