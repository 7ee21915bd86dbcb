package fr.ccamhub.dmp.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

/** A discharge letter of a patient with a qualified INS, as ccamhub stores one from an MDM^T02. */
public final class SampleDocuments {

	public static final String INS = "280017512345610";
	static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);

	private SampleDocuments() {}

	public static PdsmSettings settings() {
		return new PdsmSettings("1.2.250.1.999.1.1.7", "750712184", "CENTRE HOSPITALIER EXEMPLE",
				new Coding("https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite", "SA01",
						"Etablissement public de santé"),
				new Coding("https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice",
						"ETABLISSEMENT", "Etablissement de santé"),
				new Coding("https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite", "SA01",
						"Etablissement public de santé"),
				new Coding("https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument", "10",
						"Compte rendu"),
				Map.of(),
				Map.of("application/pdf", new Coding("https://mos.esante.gouv.fr/NOS/TRE_A11-IheFormatCode/FHIR/TRE-A11-IheFormatCode",
						"urn:ihe:iti:xds-sd:pdf:2008", "Document à corps non structuré en Pdf/A-1")));
	}

	public static Patient patient(String identityStatus) {
		Patient patient = new Patient();
		patient.setId("Patient/42/_history/1");
		patient.addIdentifier().setSystem("urn:oid:1.2.250.1.999.1.1.7.2").setValue("IPP0012345")
				.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "PI", null)));
		patient.addIdentifier().setSystem("urn:oid:1.2.250.1.213.1.4.8").setValue(INS);
		patient.addName().setFamily("DUPONT").addGiven("Marie");
		patient.setGender(Enumerations.AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-01-17"));
		Extension reliability = patient.addExtension()
				.setUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability");
		reliability.addExtension("identityStatus",
				new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445", identityStatus, null));
		return patient;
	}

	public static Practitioner author() {
		Practitioner practitioner = new Practitioner();
		practitioner.setId("Practitioner/7");
		practitioner.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.1").setValue("810101201234");
		practitioner.addName().setFamily("MARTIN").addGiven("Sophie");
		return practitioner;
	}

	public static DocumentReference documentReference() {
		DocumentReference document = new DocumentReference();
		document.setId("DocumentReference/12/_history/1");
		document.setMasterIdentifier(new org.hl7.fhir.r4.model.Identifier()
				.setSystem("https://fhir.ccamhub.fr/sid/hl7/RIS-Y/document").setValue("1.2.250.1.71.4.2.2.120456789.71024000081"));
		document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		document.setType(new CodeableConcept(new Coding("http://loinc.org", "11490-0", "Physician Discharge summary")));
		document.setDate(new Date(1_796_000_000_000L));
		document.getContext().getPeriod().setStart(new Date(1_795_500_000_000L));
		document.addContent().getAttachment().setContentType("application/pdf").setUrl("Binary/13");
		return document;
	}

	public static Binary content() {
		return new Binary().setContentType("application/pdf").setData(PDF);
	}

	public static SharedDocument document() {
		return new SharedDocument(documentReference(), content(), patient("VALI"), List.of(author()), Optional.empty(),
				Optional.empty());
	}
}
