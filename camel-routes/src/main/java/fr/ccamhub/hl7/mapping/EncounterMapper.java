package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Segment;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * PV1 (and PAM FR ZBE movement) to Encounter: visit number PV1-19 as identifier, class from PV1-2,
 * location PV1-3, attending doctor PV1-7, period PV1-44/45, ward of the movement from ZBE-7.
 */
final class EncounterMapper {

	private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

	private final Hl7Dates dates;

	EncounterMapper(Hl7Dates dates) {
		this.dates = dates;
	}

	/** The encounter of this PV1, when PV1-19 gives it an identity. */
	Optional<Encounter> map(Segment pv1, Segment zbe, String patientFullUrl, Encounter.EncounterStatus status,
			TransactionBundle transaction) {
		String visit = Fields.get(pv1, 19, 0, 1, 1);
		if (visit.isEmpty()) {
			return Optional.empty();
		}
		Encounter encounter = new Encounter();
		String system = Hl7Systems.assigningAuthority(Fields.get(pv1, 19, 0, 4, 1), Fields.get(pv1, 19, 0, 4, 2),
				Fields.get(pv1, 19, 0, 4, 3)).orElse(Hl7Systems.LOCAL_IDENTIFIER_BASE + "visit");
		encounter.addIdentifier().setSystem(system).setValue(visit)
				.setType(new CodeableConcept(new Coding(Hl7Systems.IDENTIFIER_TYPE_V2, "VN", "Visit number")));
		encounter.setStatus(status);
		encounter.setClass_(encounterClass(Fields.get(pv1, 2)));
		encounter.setSubject(new Reference(patientFullUrl));
		String location = String.join(" / ", java.util.stream.Stream.of(
						Fields.get(pv1, 3, 1), Fields.get(pv1, 3, 2), Fields.get(pv1, 3, 3), Fields.get(pv1, 3, 4))
				.filter(s -> !s.isEmpty()).toList());
		if (!location.isEmpty()) {
			encounter.addLocation().setLocation(new Reference().setDisplay(location));
		}
		if (zbe != null) {
			String ward = Fields.get(zbe, 7, 1);
			if (!ward.isEmpty()) {
				Encounter.EncounterLocationComponent movement = encounter.addLocation()
						.setLocation(new Reference().setDisplay(ward));
				dates.dateTime(Fields.get(zbe, 2)).ifPresent(start -> movement.getPeriod().setStartElement(start));
			}
		}
		PractitionerMapper.reference(pv1, 7, 0, transaction).ifPresent(doctor -> encounter.addParticipant()
				.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
						"ATND", "attender")))
				.setIndividual(doctor));
		dates.dateTime(Fields.get(pv1, 44)).ifPresent(start -> encounter.getPeriod().setStartElement(start));
		dates.dateTime(Fields.get(pv1, 45)).ifPresent(end -> encounter.getPeriod().setEndElement(end));
		return Optional.of(encounter);
	}

	static Identifier key(Encounter encounter) {
		return encounter.getIdentifierFirstRep();
	}

	private static Coding encounterClass(String patientClass) {
		return switch (patientClass) {
			case "I", "B" -> new Coding(ACT_CODE, "IMP", "inpatient encounter");
			case "E" -> new Coding(ACT_CODE, "EMER", "emergency");
			case "P" -> new Coding(ACT_CODE, "PRENC", "pre-admission");
			case "H" -> new Coding(ACT_CODE, "HH", "home health");
			default -> new Coding(ACT_CODE, "AMB", "ambulatory");
		};
	}
}
