package fr.ccamhub.dmp.bundle;

import static fr.ccamhub.dmp.bundle.PdsmProfiles.*;

import fr.ccamhub.dmp.gate.QualifiedIns;
import fr.ccamhub.dmp.gate.SharingGate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds the ANS PDSm ITI-65 "Provide Document Bundle" (Comprehensive metadata) of a stored document: one SubmissionSet
 * List, the DocumentReference with its author, custodian and patient contained, and its Binary; for a replacement,
 * {@code relatesTo} replaces and, when the replaced document's place at the recipient is known, the MHD PATCH that
 * supersedes it. The identifiers come from {@link DocumentIdentifiers}, so that the same document always gives the
 * same Bundle ids. No Spring, no I/O.
 */
public final class PdsmBundleBuilder {

	private static final String AUTHOR = "auteur";
	private static final String AUTHOR_PRACTITIONER = "auteur-ps";
	private static final String ORGANIZATION = "etablissement";
	private static final String SOURCE_PATIENT = "patient-source";

	private final PdsmSettings settings;
	private final Clock clock;

	public PdsmBundleBuilder(PdsmSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param masterIdentifier the document's unique id as queued
	 * @param outboxId the outbox row, which names the SubmissionSet
	 * @throws IncompleteDocumentException when the document lacks what the DMP requires
	 */
	public ProvideBundle build(SharedDocument document, String masterIdentifier, long outboxId) {
		Practitioner author = authorOf(document);
		QualifiedIns ins = SharingGate.insOf(document.patient());
		String submissionSetId = DocumentIdentifiers.submissionSetIdOf(settings.sourceId(), outboxId);
		String listUrl = DocumentIdentifiers.entryUuid(masterIdentifier, "submissionset");
		String documentUrl = DocumentIdentifiers.entryUuid(masterIdentifier, "documentreference");
		String binaryUrl = DocumentIdentifiers.entryUuid(masterIdentifier, "binary");

		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.getMeta().addProfile(PROVIDE_BUNDLE);
		bundle.addEntry().setFullUrl(listUrl).setResource(submissionSet(author, ins, submissionSetId, listUrl, documentUrl))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("List");
		bundle.addEntry().setFullUrl(documentUrl)
				.setResource(documentReference(document, author, ins, masterIdentifier, documentUrl, binaryUrl))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");
		Binary content = new Binary().setContentType(document.content().getContentType())
				.setData(document.content().getData());
		bundle.addEntry().setFullUrl(binaryUrl).setResource(content).getRequest().setMethod(Bundle.HTTPVerb.POST)
				.setUrl("Binary");
		document.replacedLocation().filter(location -> document.replacedMasterIdentifier().isPresent())
				.ifPresent(location -> bundle.addEntry()
						.setFullUrl(DocumentIdentifiers.entryUuid(masterIdentifier, "supersede"))
						.setResource(supersede()).getRequest().setMethod(Bundle.HTTPVerb.PATCH).setUrl(location));
		return new ProvideBundle(bundle, submissionSetId);
	}

	/**
	 * The document as a PDSm Comprehensive DocumentReference on its own, as a Document Responder answers ITI-67:
	 * author, custodian and patient contained, the content at {@code contentUrl} (where ITI-68 retrieves it).
	 *
	 * @throws IncompleteDocumentException when the document lacks what PDSm requires
	 */
	public DocumentReference render(SharedDocument document, String masterIdentifier, String contentUrl) {
		Practitioner author = authorOf(document);
		QualifiedIns ins = SharingGate.insOf(document.patient());
		DocumentReference rendered = documentReference(document, author, ins, masterIdentifier,
				DocumentIdentifiers.entryUuid(masterIdentifier, "documentreference"), contentUrl);
		rendered.setId(document.documentReference().getIdElement().toUnqualifiedVersionless());
		rendered.setStatus(document.documentReference().getStatus());
		return rendered;
	}

	private static Practitioner authorOf(SharedDocument document) {
		DocumentReference stored = document.documentReference();
		return document.authors().stream().filter(practitioner -> idNatPs(practitioner).isPresent())
				.findFirst().orElseThrow(() -> new IncompleteDocumentException("Le document " + stored.getIdElement()
						.getIdPart() + " n'a pas d'auteur identifié par son RPPS ou son identifiant national de"
						+ " professionnel de santé : le DMP exige l'auteur du document."));
	}

	private ListResource submissionSet(Practitioner author, QualifiedIns ins, String submissionSetId, String listUrl,
			String documentUrl) {
		ListResource list = new ListResource();
		list.getMeta().addProfile(SUBMISSION_SET);
		addAuthor(list.getContained(), author);
		list.addExtension(DESIGNATION_TYPE, new CodeableConcept(settings.designationType().copy()));
		list.addExtension(SOURCE_ID, new Identifier().setSystem(RFC_3986).setValue("urn:oid:" + settings.sourceId()));
		list.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(RFC_3986).setValue(submissionSetId);
		list.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(RFC_3986).setValue(listUrl);
		list.setStatus(ListResource.ListStatus.CURRENT).setMode(ListResource.ListMode.WORKING);
		list.setCode(new CodeableConcept(new Coding(LIST_TYPES, "submissionset", null)));
		list.setSubject(patientByIns(ins));
		list.setDate(Date.from(clock.instant()));
		Reference source = new Reference("#" + AUTHOR);
		source.addExtension(AUTHOR_ORG, new Reference("#" + ORGANIZATION));
		list.setSource(source);
		list.addEntry().setItem(new Reference(documentUrl));
		return list;
	}

	private DocumentReference documentReference(SharedDocument document, Practitioner author, QualifiedIns ins,
			String masterIdentifier, String documentUrl, String binaryUrl) {
		DocumentReference stored = document.documentReference();
		DocumentReference shared = new DocumentReference();
		shared.getMeta().addProfile(DOCUMENT_REFERENCE);
		addAuthor(shared.getContained(), author);
		shared.getContained().add(sourcePatient(document.patient(), ins));
		shared.setMasterIdentifier(new Identifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(RFC_3986)
				.setValue(masterIdentifier));
		shared.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(RFC_3986).setValue(documentUrl);
		shared.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		Coding type = loincType(stored);
		shared.setType(new CodeableConcept(type.copy()));
		shared.addCategory(new CodeableConcept(settings.classByType().getOrDefault(type.getCode(),
				settings.defaultClass()).copy()));
		shared.setSubject(patientByIns(ins));
		Date date = dateOf(stored);
		shared.setDate(date);
		shared.addAuthor(new Reference("#" + AUTHOR));
		shared.setCustodian(new Reference("#" + ORGANIZATION));
		shared.addSecurityLabel(confidentialityOf(stored));
		// Who may not see it in the DMP (hidden from the patient, from professionals…), as its producer said.
		stored.getSecurityLabel().stream().flatMap(label -> label.getCoding().stream())
				.filter(coding -> VISIBILITY.equals(coding.getSystem()) && coding.hasCode())
				.forEach(coding -> shared.addSecurityLabel(new CodeableConcept(coding.copy())));
		document.replacedMasterIdentifier().ifPresent(replaced -> shared.addRelatesTo()
				.setCode(DocumentReference.DocumentRelationshipType.REPLACES)
				.setTarget(new Reference().setType("DocumentReference")
						.setIdentifier(new Identifier().setSystem(RFC_3986).setValue(replaced))));

		byte[] data = document.content().getData();
		if (data == null || data.length == 0) {
			throw new IncompleteDocumentException("Le document " + stored.getIdElement().getIdPart() + " est vide.");
		}
		String contentType = document.content().getContentType();
		Coding format = settings.formatByContentType().get(contentType == null ? "" : contentType);
		if (format == null) {
			throw new IncompleteDocumentException("Le format " + contentType + " du document "
					+ stored.getIdElement().getIdPart() + " n'a pas de code de format DMP (ccamhub.dmp.formats).");
		}
		DocumentReference.DocumentReferenceContentComponent content = shared.addContent();
		content.getAttachment().setContentType(contentType).setLanguage("fr-FR").setUrl(binaryUrl).setSize(data.length)
				.setHash(sha1(data)).setTitle(titleOf(stored, type))
				.setCreationElement(storedAttachmentCreation(stored).orElse(new org.hl7.fhir.r4.model.DateTimeType(date)));
		content.setFormat(format.copy());
		Date start = stored.getContext().getPeriod().hasStart() ? stored.getContext().getPeriod().getStart() : date;
		shared.getContext().getPeriod().setStart(start);
		if (stored.getContext().getPeriod().hasEnd()) {
			shared.getContext().getPeriod().setEnd(stored.getContext().getPeriod().getEnd());
		}
		shared.getContext().setFacilityType(new CodeableConcept(settings.facilityType().copy()));
		shared.getContext().setPracticeSetting(new CodeableConcept(settings.practiceSetting().copy()));
		shared.getContext().setSourcePatientInfo(new Reference("#" + SOURCE_PATIENT));
		return shared;
	}

	private void addAuthor(java.util.List<org.hl7.fhir.r4.model.Resource> contained, Practitioner stored) {
		Practitioner practitioner = new Practitioner();
		practitioner.setId(AUTHOR_PRACTITIONER);
		practitioner.getMeta().addProfile(AS_PRACTITIONER);
		String idNatPs = idNatPs(stored).orElseThrow();
		practitioner.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
				.setType(new CodeableConcept(new Coding(FR_CORE_V2_0203, "IDNPS", null))).setSystem(ID_NAT_PS)
				.setValue(idNatPs);
		if (idNatPs.startsWith("8") && idNatPs.length() == 12) {
			practitioner.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
					.setType(new CodeableConcept(new Coding(FR_CORE_V2_0203, "RPPS", null))).setSystem(RPPS)
					.setValue(idNatPs.substring(1));
		}
		for (HumanName name : stored.getName()) {
			HumanName copy = new HumanName().setFamily(name.getFamily());
			name.getGiven().forEach(given -> copy.addGiven(given.getValue()));
			practitioner.addName(copy);
		}
		contained.add(practitioner);
		contained.add(organization());
		PractitionerRole role = new PractitionerRole();
		role.setId(AUTHOR);
		role.getMeta().addProfile(AS_PRACTITIONER_ROLE);
		role.setPractitioner(new Reference("#" + AUTHOR_PRACTITIONER));
		role.setOrganization(new Reference("#" + ORGANIZATION));
		contained.add(role);
	}

	private Organization organization() {
		Organization organization = new Organization();
		organization.setId(ORGANIZATION);
		organization.getMeta().addProfile(AS_ORGANIZATION);
		organization.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
				.setType(new CodeableConcept(new Coding(FR_CORE_V2_0203, "IDNST", null))).setSystem(ID_NAT_ST)
				.setValue("1" + settings.finess());
		organization.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
				.setType(new CodeableConcept(new Coding(FR_CORE_V2_0203, "FINEG", null))).setSystem(FINESS)
				.setValue(settings.finess());
		organization.setName(settings.organizationName());
		return organization;
	}

	private static Patient sourcePatient(Patient stored, QualifiedIns ins) {
		Patient patient = new Patient();
		patient.setId(SOURCE_PATIENT);
		patient.getMeta().addProfile(FR_CORE_PATIENT);
		for (Identifier identifier : stored.getIdentifier()) {
			boolean ipp = identifier.getType().getCoding().stream()
					.anyMatch(coding -> "PI".equals(coding.getCode()));
			if (ipp && identifier.hasSystem() && identifier.hasValue()) {
				patient.addIdentifier().setUse(Identifier.IdentifierUse.USUAL)
						.setType(new CodeableConcept(new Coding(V2_0203, "PI", "Patient internal identifier")))
						.setSystem(identifier.getSystem()).setValue(identifier.getValue());
			}
		}
		String insType = ins.system().endsWith(".9") ? "INS-NIA" : "INS-NIR";
		patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
				.setType(new CodeableConcept(new Coding(FR_CORE_V2_0203, insType, null))).setSystem(ins.system())
				.setValue(ins.value());
		stored.getName().stream().filter(HumanName::hasFamily).findFirst().ifPresent(name -> {
			HumanName copy = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(name.getFamily());
			name.getGiven().forEach(given -> copy.addGiven(given.getValue()));
		});
		if (stored.hasGender()) {
			patient.setGender(stored.getGender());
		}
		if (stored.hasBirthDate()) {
			patient.setBirthDateElement(stored.getBirthDateElement().copy());
		}
		return patient;
	}

	private static Reference patientByIns(QualifiedIns ins) {
		return new Reference().setType("Patient").setIdentifier(new Identifier().setSystem(ins.system()).setValue(ins.value()));
	}

	private static Coding loincType(DocumentReference stored) {
		return stored.getType().getCoding().stream().filter(coding -> LOINC.equals(coding.getSystem()) && coding.hasCode())
				.findFirst().orElseThrow(() -> new IncompleteDocumentException("Le document "
						+ stored.getIdElement().getIdPart() + " n'a pas de type LOINC : le DMP classe les documents par"
						+ " type LOINC."));
	}

	private static Date dateOf(DocumentReference stored) {
		if (stored.hasDate()) {
			return stored.getDate();
		}
		if (stored.getMeta().hasLastUpdated()) {
			return stored.getMeta().getLastUpdated();
		}
		throw new IncompleteDocumentException("Le document " + stored.getIdElement().getIdPart() + " n'a pas de date.");
	}

	private static Optional<org.hl7.fhir.r4.model.DateTimeType> storedAttachmentCreation(DocumentReference stored) {
		return stored.getContent().stream().map(DocumentReference.DocumentReferenceContentComponent::getAttachment)
				.filter(attachment -> attachment.hasCreation()).map(attachment -> attachment.getCreationElement().copy())
				.findFirst();
	}

	private static String titleOf(DocumentReference stored, Coding type) {
		return stored.getContent().stream().map(content -> content.getAttachment().getTitle())
				.filter(title -> title != null && !title.isBlank()).findFirst()
				.or(() -> Optional.ofNullable(stored.getDescription()).filter(text -> !text.isBlank()))
				.or(() -> Optional.ofNullable(type.getDisplay()).filter(text -> !text.isBlank()))
				.or(() -> Optional.ofNullable(stored.getType().getText()).filter(text -> !text.isBlank()))
				.orElse("Document " + type.getCode());
	}

	private static CodeableConcept confidentialityOf(DocumentReference stored) {
		return stored.getSecurityLabel().stream()
				.flatMap(label -> label.getCoding().stream())
				.filter(coding -> CONFIDENTIALITY.equals(coding.getSystem()) && coding.hasCode())
				.findFirst().map(coding -> new CodeableConcept(coding.copy()))
				.orElse(new CodeableConcept(new Coding(CONFIDENTIALITY, "N", "normal")));
	}

	/** The national practitioner id: idNatPs as stored, else {@code 8} + RPPS. */
	static Optional<String> idNatPs(Practitioner practitioner) {
		for (Identifier identifier : practitioner.getIdentifier()) {
			if (ID_NAT_PS.equals(identifier.getSystem()) && identifier.hasValue()) {
				return Optional.of(identifier.getValue().trim());
			}
		}
		for (Identifier identifier : practitioner.getIdentifier()) {
			if (RPPS.equals(identifier.getSystem()) && identifier.hasValue() && identifier.getValue().trim().matches("[0-9]{11}")) {
				return Optional.of("8" + identifier.getValue().trim());
			}
		}
		return Optional.empty();
	}

	private static Parameters supersede() {
		Parameters patch = new Parameters();
		patch.getMeta().addProfile(PATCH_PARAMETERS);
		Parameters.ParametersParameterComponent operation = patch.addParameter().setName("operation");
		operation.addPart().setName("type").setValue(new CodeType("replace"));
		operation.addPart().setName("path").setValue(new StringType("DocumentReference.status"));
		operation.addPart().setName("value").setValue(new CodeType("superseded"));
		return patch;
	}

	/** The SHA-1 of a document's bytes, as {@code attachment.hash} carries it. */
	public static byte[] sha1(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(data);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is required of every JDK", e);
		}
	}
}
