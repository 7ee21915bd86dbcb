package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Segment;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

/**
 * XCN (a person in an HL7 field) to Practitioner. French national identifiers get both FR Core
 * systems: idNatPs ({@code urn:oid:1.2.250.1.71.4.2.1}, "8" + RPPS) and RPPS
 * ({@code https://rpps.esante.gouv.fr}, 11 digits).
 */
final class PractitionerMapper {

	private PractitionerMapper() {}

	/** A reference to the practitioner named in this field repetition, adding it to the transaction. */
	static Optional<Reference> reference(Segment segment, int field, int repetition, TransactionBundle transaction) {
		String id = Fields.get(segment, field, repetition, 1, 1);
		String family = Fields.get(segment, field, repetition, 2, 1);
		String given = Fields.get(segment, field, repetition, 3, 1);
		if (id.isEmpty() && family.isEmpty()) {
			return Optional.empty();
		}
		String display = (given + " " + family).trim();
		if (id.isEmpty()) {
			return Optional.of(new Reference().setDisplay(display));
		}
		Practitioner practitioner = new Practitioner();
		if (!family.isEmpty() || !given.isEmpty()) {
			practitioner.addName().setFamily(family.isEmpty() ? null : family).addGiven(given.isEmpty() ? null : given);
		}
		String oid = Fields.get(segment, field, repetition, 9, 2);
		String namespace = Fields.get(segment, field, repetition, 9, 1);
		String type = Fields.get(segment, field, repetition, 13, 1);
		Identifier key;
		if (Hl7Systems.RPPS_ID_NAT_PS_OID.equals(oid) || "RPPS".equals(type) || "IDNPS".equals(type)) {
			// An 11-digit RPPS becomes idNatPs 8+RPPS; a 12-digit id starting with 8 already is one, whatever its type
			// says (the ANS examples type idNatPs values as RPPS).
			boolean bareRpps = id.matches("[0-9]{11}");
			String rpps = bareRpps ? id : (id.length() == 12 && id.startsWith("8") ? id.substring(1) : null);
			String idNatPs = bareRpps ? "8" + id : id;
			key = practitioner.addIdentifier().setSystem("urn:oid:" + Hl7Systems.RPPS_ID_NAT_PS_OID).setValue(idNatPs);
			key.setType(new CodeableConcept(new Coding(Hl7Systems.IDENTIFIER_TYPE_V2, "IDNPS", null)));
			if (rpps != null) {
				practitioner.addIdentifier().setSystem(Hl7Systems.RPPS).setValue(rpps)
						.setType(new CodeableConcept(new Coding(Hl7Systems.FR_CORE_IDENTIFIER_TYPE, "RPPS", null)));
			}
		} else {
			String system = Hl7Systems.assigningAuthority(namespace, oid, Fields.get(segment, field, repetition, 9, 3))
					.orElse(Hl7Systems.LOCAL_IDENTIFIER_BASE + "practitioner");
			key = practitioner.addIdentifier().setSystem(system).setValue(id);
		}
		String fullUrl = transaction.createIfAbsent(practitioner, key);
		return Optional.of(new Reference(fullUrl).setDisplay(display.isEmpty() ? null : display));
	}
}
