package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import fr.ccamhub.interceptors.ins.InsNumber;
import java.math.BigDecimal;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClinicalResourcesIT extends ServerIT {

	private static final String INS_NIR_TEST = "urn:oid:1.2.250.1.213.1.4.10";

	private IGenericClient client;
	private IIdType patientId;

	@BeforeEach
	void createPatient() {
		client = client();
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(INS_NIR_TEST).setValue(uniqueNir());
		patient.addName().setFamily("Dupont").addGiven("Marie");
		patient.setGender(Enumerations.AdministrativeGender.FEMALE);
		patientId = client.create().resource(patient).execute().getId().toUnqualifiedVersionless();
	}

	@Test
	void patientsAreCreatedReadUpdatedSearchedAndDeleted() {
		Patient read = client.read().resource(Patient.class).withId(patientId).execute();
		assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Dupont");

		read.getNameFirstRep().setFamily("Dupont-Martin");
		MethodOutcome updated = client.update().resource(read).execute();
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

		String nir = read.getIdentifierFirstRep().getValue();
		Bundle byIdentifier = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode(INS_NIR_TEST, nir))
				.returnBundle(Bundle.class).execute();
		assertThat(byIdentifier.getEntry()).hasSize(1);
		Bundle byName = client.search().forResource(Patient.class)
				.where(Patient.FAMILY.matches().value("Dupont-Martin"))
				.returnBundle(Bundle.class).execute();
		assertThat(byName.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.contains(patientId.getValue());

		client.delete().resourceById(patientId).execute();
		Bundle afterDelete = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode(INS_NIR_TEST, nir))
				.returnBundle(Bundle.class).execute();
		assertThat(afterDelete.getEntry()).isEmpty();
	}

	@Test
	void ccamCodedProceduresAreStoredAndFoundByCodeAndPatient() {
		IIdType encounterId = createEncounter();
		Procedure procedure = new Procedure();
		procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setSubject(new Reference(patientId));
		procedure.setEncounter(new Reference(encounterId));
		procedure.setCode(new CodeableConcept(new Coding(CCAM, "HHFA016",
				"Appendicectomie, par cœlioscopie ou par laparotomie avec préparation par cœlioscopie")));
		procedure.setPerformed(new org.hl7.fhir.r4.model.DateTimeType(new Date()));
		IIdType procedureId = client.create().resource(procedure).execute().getId().toUnqualifiedVersionless();

		Bundle byCode = client.search().forResource(Procedure.class)
				.where(Procedure.CODE.exactly().systemAndCode(CCAM, "HHFA016"))
				.and(Procedure.SUBJECT.hasId(patientId))
				.returnBundle(Bundle.class).execute();
		assertThat(byCode.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.containsExactly(procedureId.getValue());

		Bundle byEncounter = client.search().forResource(Procedure.class)
				.where(Procedure.ENCOUNTER.hasId(encounterId))
				.returnBundle(Bundle.class).execute();
		assertThat(byEncounter.getEntry()).hasSize(1);
	}

	@Test
	void encountersAreSearchableByPatientAndStatus() {
		IIdType encounterId = createEncounter();
		Bundle found = client.search().forResource(Encounter.class)
				.where(Encounter.PATIENT.hasId(patientId))
				.and(Encounter.STATUS.exactly().code("in-progress"))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.containsExactly(encounterId.getValue());
	}

	@Test
	void observationsAreSearchableByLoincCodeAndValue() {
		Observation weight = new Observation();
		weight.setStatus(Observation.ObservationStatus.FINAL);
		weight.setSubject(new Reference(patientId));
		weight.setCode(new CodeableConcept(new Coding("http://loinc.org", "29463-7", "Body weight")));
		weight.setValue(new Quantity().setValue(new BigDecimal("72.5")).setUnit("kg")
				.setSystem("http://unitsofmeasure.org").setCode("kg"));
		client.create().resource(weight).execute();

		Bundle heavy = client.search().forResource(Observation.class)
				.where(Observation.SUBJECT.hasId(patientId))
				.and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "29463-7"))
				.and(Observation.VALUE_QUANTITY.withPrefix(ca.uhn.fhir.rest.param.ParamPrefixEnum.GREATERTHAN)
						.number("70").andUnits("http://unitsofmeasure.org", "kg"))
				.returnBundle(Bundle.class).execute();
		assertThat(heavy.getEntry()).hasSize(1);
	}

	@Test
	void consentsAreSearchableByPatientAndStatus() {
		Consent optOut = new Consent();
		optOut.setStatus(Consent.ConsentState.ACTIVE);
		optOut.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
		optOut.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
		optOut.setPatient(new Reference(patientId));
		optOut.getPolicyRule().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("OPTOUT");
		client.create().resource(optOut).execute();

		Bundle found = client.search().forResource(Consent.class)
				.where(Consent.PATIENT.hasId(patientId))
				.and(new TokenClientParam("status").exactly().code("active"))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
	}

	@Test
	void claimsWithCcamItemsAreStoredAndSearchable() {
		Claim claim = new Claim();
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setUse(Claim.Use.CLAIM);
		claim.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", null)));
		claim.setPatient(new Reference(patientId));
		claim.setCreated(new Date());
		claim.setProvider(new Reference().setDisplay("Clinique Saint-Exemple"));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setDisplay("Assurance Maladie"));
		claim.addItem().setSequence(1)
				.setProductOrService(new CodeableConcept(new Coding(CCAM, "HHFA016", null)))
				.addModifier(new CodeableConcept(new Coding(CCAM_MODIFIERS, "U", null)));
		IIdType claimId = client.create().resource(claim).execute().getId().toUnqualifiedVersionless();

		Bundle found = client.search().forResource(Claim.class)
				.where(Claim.PATIENT.hasId(patientId))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.containsExactly(claimId.getValue());
		Claim read = client.read().resource(Claim.class).withId(claimId).execute();
		assertThat(read.getItemFirstRep().getModifierFirstRep().getCodingFirstRep().getCode()).isEqualTo("U");
	}

	@Test
	void fullTextSearchFindsResourcesByTheirContent() {
		Bundle found = client.search().forResource(Patient.class)
				.where(new ca.uhn.fhir.rest.gclient.StringClientParam("_content").matches().value("Marie"))
				.and(new ca.uhn.fhir.rest.gclient.TokenClientParam("_id").exactly().code(patientId.getIdPart()))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
	}

	private IIdType createEncounter() {
		Encounter encounter = new Encounter();
		encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
		encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
		encounter.setSubject(new Reference(patientId));
		encounter.addIdentifier().setSystem("urn:oid:1.2.250.1.999.1.1").setValue(UUID.randomUUID().toString());
		return client.create().resource(encounter).execute().getId().toUnqualifiedVersionless();
	}

	/** A woman's INS-NIR with a valid key (the patient is created female). */
	static String uniqueNir() {
		long digits = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L;
		String thirteen = "2" + String.format("%012d", digits);
		return thirteen + String.format("%02d", InsNumber.key(thirteen));
	}
}
