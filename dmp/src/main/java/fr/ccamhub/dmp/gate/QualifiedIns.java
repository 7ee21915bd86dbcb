package fr.ccamhub.dmp.gate;

import fr.ccamhub.interceptors.ins.InsIdentityValidator;
import fr.ccamhub.interceptors.ins.InsNumber;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** The INS a patient's documents are shared under: its system (an INS OID as {@code urn:oid:}) and value. */
public record QualifiedIns(String system, String value) {

	/** The patient's INS identifier, if it carries one under an INS OID (whatever its key). */
	public static Optional<Identifier> insIdentifierOf(Patient patient) {
		for (Identifier identifier : patient.getIdentifier()) {
			String system = identifier.getSystem();
			if (system != null && system.startsWith("urn:oid:")
					&& InsIdentityValidator.INS_OIDS.containsKey(system.substring("urn:oid:".length()))
					&& identifier.hasValue()) {
				return Optional.of(identifier);
			}
		}
		return Optional.empty();
	}

	/** The problem with the INS's form or key, if any. */
	static Optional<String> problemOf(Identifier ins) {
		InsNumber.Kind kind = InsIdentityValidator.INS_OIDS.get(ins.getSystem().substring("urn:oid:".length()));
		return InsNumber.problem(kind, ins.getValue());
	}
}
