package fr.ccamhub.server.validation;

import fr.ccamhub.interceptors.audit.AuditEventShape;
import java.util.Date;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** Made-up resources that conform to FR Core INS and ANS TDE, validated at start-up to prepare the validator. */
final class WarmUpResources {

	static final String FR_CORE_PATIENT_INS = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-ins";
	private static final String FR_CORE = "https://hl7.fr/ig/fhir/core/";

	private WarmUpResources() {}

	/** A fictitious patient with a test INS, a validated identity and a birth place. */
	static Patient insPatient() {
		Patient patient = new Patient();
		patient.addIdentifier()
				.setUse(Identifier.IdentifierUse.OFFICIAL)
				.setType(new CodeableConcept(new Coding(FR_CORE + "CodeSystem/fr-core-cs-v2-0203", "INS-NIR-TEST", null)))
				.setSystem("urn:oid:1.2.250.1.213.1.4.10")
				.setValue("279035121518989");
		Extension reliability = patient.addExtension().setUrl(FR_CORE + "StructureDefinition/fr-core-identity-reliability");
		reliability.addExtension("identityStatus", new Coding(FR_CORE + "CodeSystem/fr-core-cs-v2-0445", "VALI", null));
		Address birthPlace = new Address();
		birthPlace.addExtension(FR_CORE + "StructureDefinition/fr-core-address-insee-code",
				new Coding("https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM", "63220", null));
		patient.addExtension("http://hl7.org/fhir/StructureDefinition/patient-birthPlace", birthPlace);
		HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("ESSAI").addGiven("CAMILLE");
		name.addExtension(FR_CORE + "StructureDefinition/fr-core-patient-birth-list-given-name", new StringType("CAMILLE"));
		patient.setGender(AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new DateType("1979-03-28"));
		return patient;
	}

	/** A read by a named user, in the shape ccamhub records accesses. */
	static AuditEvent tdeAuditEvent() {
		AuditEvent event = new AuditEvent();
		event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
		event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "read", "read"));
		event.setAction(AuditEvent.AuditEventAction.R);
		event.setRecorded(new Date());
		event.setOutcome(AuditEvent.AuditEventOutcome._0);
		event.addAgent().setRequestor(true).setWho(new Reference().setDisplay("warm-up"));
		event.getSource().setObserver(new Reference().setDisplay("ccamhub"));
		return AuditEventShape.toTde(event);
	}
}
