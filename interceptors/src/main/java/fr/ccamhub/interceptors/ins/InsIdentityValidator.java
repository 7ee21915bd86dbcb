package fr.ccamhub.interceptors.ins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * Checks the INS (Identifiant national de santé) carried by a Patient, following FR Core and the
 * ANS INS guide: the identifier system is the INS OID as a {@code urn:oid:} URI, the matricule
 * has a valid key, and the identity status agrees with the
 * presence of an INS (FR Core rule fr-core-1: a validated identity carries its INS; an INS is only
 * recorded for a qualified or validated identity).
 */
public final class InsIdentityValidator {

	/** INS OIDs (FR Core slices) and the kind of matricule each carries. */
	public static final Map<String, InsNumber.Kind> INS_OIDS = Map.of(
			"1.2.250.1.213.1.4.8", InsNumber.Kind.NIR,
			"1.2.250.1.213.1.4.9", InsNumber.Kind.NIA,
			"1.2.250.1.213.1.4.10", InsNumber.Kind.NIR,
			"1.2.250.1.213.1.4.11", InsNumber.Kind.NIR);

	public static final String IDENTITY_RELIABILITY =
			"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability";

	/** One problem found, with the FHIRPath of the element concerned. */
	public record Problem(String expression, String message) {}

	private InsIdentityValidator() {}

	public static List<Problem> problems(Patient patient) {
		List<Problem> problems = new ArrayList<>();
		List<String> insValues = new ArrayList<>();
		for (int i = 0; i < patient.getIdentifier().size(); i++) {
			Identifier identifier = patient.getIdentifier().get(i);
			String system = identifier.getSystem() == null ? "" : identifier.getSystem().trim();
			String path = "Patient.identifier[" + i + "]";
			if (INS_OIDS.containsKey(system)) {
				problems.add(new Problem(path + ".system",
						"INS system must be written urn:oid:" + system + " (FR Core), not the bare OID"));
				continue;
			}
			if (!system.startsWith("urn:oid:") || !INS_OIDS.containsKey(system.substring("urn:oid:".length()))) {
				continue;
			}
			InsNumber.Kind kind = INS_OIDS.get(system.substring("urn:oid:".length()));
			Optional<String> problem = InsNumber.problem(kind, identifier.getValue());
			if (problem.isPresent()) {
				problems.add(new Problem(path + ".value", "Invalid INS-" + kind + " '" + identifier.getValue() + "': " + problem.get()));
				continue;
			}
			insValues.add(identifier.getValue().trim());
		}
		if (insValues.stream().distinct().count() > 1) {
			problems.add(new Problem("Patient.identifier", "A patient has one INS: found " + insValues.stream().distinct().toList()));
		}
		identityStatus(patient).ifPresent(status -> {
			if ("VALI".equals(status) && insValues.isEmpty()) {
				problems.add(new Problem("Patient.extension('" + IDENTITY_RELIABILITY + "')",
						"A validated identity (VALI) must carry its INS (FR Core rule fr-core-1)"));
			}
			if (!insValues.isEmpty() && ("PROV".equals(status) || "VIDE".equals(status))) {
				problems.add(new Problem("Patient.extension('" + IDENTITY_RELIABILITY + "')",
						"An INS may only be recorded for a qualified (QUAL) or validated (VALI) identity, not " + status));
			}
		});
		return problems;
	}

	/** The FR Core identity status (VIDE, PROV, VALI, QUAL…) recorded on the patient, if any. */
	public static Optional<String> identityStatus(Patient patient) {
		Extension reliability = patient.getExtensionByUrl(IDENTITY_RELIABILITY);
		if (reliability == null) {
			return Optional.empty();
		}
		Extension status = reliability.getExtensionByUrl("identityStatus");
		if (status == null || !(status.getValue() instanceof Coding coding)) {
			return Optional.empty();
		}
		return Optional.ofNullable(coding.getCode());
	}
}
