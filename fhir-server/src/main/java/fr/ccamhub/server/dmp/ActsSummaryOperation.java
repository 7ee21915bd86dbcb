package fr.ccamhub.server.dmp;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.ccamhub.dmp.gate.QualifiedIns;
import fr.ccamhub.dmp.summary.ActsSummary;
import fr.ccamhub.dmp.summary.ActsSummaryPdf;
import fr.ccamhub.interceptors.ccam.CcamFhir;
import fr.ccamhub.interceptors.ledger.LedgerActors;
import fr.ccamhub.terminology.ccam.CcamRelease;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/**
 * {@code POST /fhir/Encounter/[id]/$acts-summary}: renders the stay's completed CCAM acts as a PDF in French ("Synthèse
 * des actes CCAM du séjour") and stores it as a final DocumentReference (LOINC 34133-9, Summary of episode note) with
 * its Binary, authored by the practitioner who performed the acts. Stored like any document, it is queued for the DMP
 * when sharing is on. The same acts give the same document (no second copy); changed acts give a new one that
 * replaces the previous summary of the stay.
 */
public final class ActsSummaryOperation {

	static final String SUMMARY_SYSTEM = "https://fhir.ccamhub.fr/sid/acts-summary";
	private static final String SUMMARY_TYPE = "34133-9";

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final CcamRelease ccam;
	private final String facility;
	private final ZoneId zone;

	ActsSummaryOperation(DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao, CcamRelease ccam, String facility,
			ZoneId zone) {
		this.daos = daos;
		this.systemDao = systemDao;
		this.ccam = ccam;
		this.facility = facility;
		this.zone = zone;
	}

	@Operation(name = "$acts-summary", type = Encounter.class, idempotent = false)
	public DocumentReference actsSummary(@IdParam IdType encounterId, RequestDetails request) {
		Encounter encounter = daos.getResourceDao(Encounter.class).read(encounterId.toUnqualifiedVersionless(), request);
		if (!encounter.getSubject().hasReference()) {
			throw new UnprocessableEntityException("Encounter.subject : le séjour n'a pas de patient");
		}
		Patient patient = daos.getResourceDao(Patient.class).read(new IdType(encounter.getSubject().getReference()), request);
		List<Procedure> procedures = codedActs(encounter, request);
		if (procedures.isEmpty()) {
			throw new UnprocessableEntityException("Encounter/" + encounter.getIdElement().getIdPart()
					+ " : aucun acte CCAM réalisé (Procedure completed codée en CCAM) à résumer");
		}
		List<ActsSummary.Act> acts = new ArrayList<>();
		Optional<Reference> author = Optional.empty();
		for (Procedure procedure : procedures) {
			Optional<Practitioner> performer = performerOf(procedure, request);
			if (author.isEmpty() && performer.isPresent()) {
				author = Optional.of(new Reference(performer.get().getIdElement().toUnqualifiedVersionless().getValue()));
			}
			acts.add(act(procedure, performer));
		}
		ActsSummary summary = new ActsSummary(nameOf(patient), Optional.ofNullable(patient.getBirthDate())
				.map(date -> date.toInstant().atZone(zone).toLocalDate()), QualifiedIns.insIdentifierOf(patient)
						.map(Identifier::getValue).orElse("non renseignée"), facility,
				local(encounter.getPeriod().getStart()), local(encounter.getPeriod().getEnd()), acts);
		byte[] pdf = ActsSummaryPdf.render(summary);
		String key = "Encounter/" + encounter.getIdElement().getIdPart() + "/" + fingerprint(procedures);
		String masterIdentifier = "urn:uuid:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
		return store(encounter, patient, author, pdf, masterIdentifier, previousSummary(encounter, masterIdentifier, request),
				request);
	}

	private DocumentReference store(Encounter encounter, Patient patient, Optional<Reference> author, byte[] pdf,
			String masterIdentifier, Optional<String> replaces, RequestDetails request) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String binaryUrl = "urn:uuid:" + UUID.nameUUIDFromBytes((masterIdentifier + "#binary").getBytes(StandardCharsets.UTF_8));
		Binary content = new Binary().setContentType("application/pdf").setData(pdf);
		content.setSecurityContext(new Reference(patient.getIdElement().toUnqualifiedVersionless().getValue()));
		transaction.addEntry().setFullUrl(binaryUrl).setResource(content).getRequest().setMethod(Bundle.HTTPVerb.POST)
				.setUrl("Binary");
		DocumentReference document = new DocumentReference();
		Identifier identifier = new Identifier().setSystem(SUMMARY_SYSTEM).setValue(masterIdentifier);
		document.setMasterIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(masterIdentifier));
		document.addIdentifier(identifier);
		document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		document.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
		document.setType(new CodeableConcept(new Coding("http://loinc.org", SUMMARY_TYPE, "Summary of episode note"))
				.setText("Synthèse des actes CCAM du séjour"));
		document.setSubject(new Reference(patient.getIdElement().toUnqualifiedVersionless().getValue()));
		document.setDate(new Date());
		document.setDescription("Synthèse des actes CCAM du séjour");
		author.ifPresent(document::addAuthor);
		document.getContext().addEncounter(new Reference("Encounter/" + encounter.getIdElement().getIdPart()));
		if (encounter.getPeriod().hasStart()) {
			document.getContext().getPeriod().setStart(encounter.getPeriod().getStart());
		}
		if (encounter.getPeriod().hasEnd()) {
			document.getContext().getPeriod().setEnd(encounter.getPeriod().getEnd());
		}
		replaces.ifPresent(previous -> document.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.REPLACES)
				.setTarget(new Reference().setType("DocumentReference")
						.setIdentifier(new Identifier().setSystem(SUMMARY_SYSTEM).setValue(previous))));
		document.addContent().getAttachment().setContentType("application/pdf").setUrl(binaryUrl).setSize(pdf.length)
				.setTitle("Synthèse des actes CCAM du séjour").setLanguage("fr-FR");
		transaction.addEntry().setResource(document).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference")
				.setIfNoneExist("identifier=" + SUMMARY_SYSTEM + "|" + masterIdentifier);
		Bundle response = systemDao.transaction(LedgerActors.onBehalfOf(LedgerActors.actorOf(request)), transaction);
		String location = response.getEntry().get(1).getResponse().getLocation();
		return daos.getResourceDao(DocumentReference.class).read(new IdType(location).toUnqualifiedVersionless(), request);
	}

	/** The stay's latest summary with other acts, which the new one replaces. */
	private Optional<String> previousSummary(Encounter encounter, String masterIdentifier, RequestDetails request) {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add(DocumentReference.SP_ENCOUNTER, new ReferenceParam("Encounter/" + encounter.getIdElement().getIdPart()))
				.add(DocumentReference.SP_TYPE, new TokenParam("http://loinc.org", SUMMARY_TYPE))
				.add(DocumentReference.SP_STATUS, new TokenParam("current"));
		return daos.getResourceDao(DocumentReference.class).searchForResources(search, request).stream()
				.map(DocumentReference.class::cast)
				.filter(document -> !masterIdentifier.equals(document.getMasterIdentifier().getValue()))
				.max(Comparator.comparing(document -> document.getMeta().getLastUpdated()))
				.map(document -> document.getMasterIdentifier().getValue());
	}

	private List<Procedure> codedActs(Encounter encounter, RequestDetails request) {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add(Procedure.SP_ENCOUNTER, new ReferenceParam("Encounter/" + encounter.getIdElement().getIdPart()));
		List<Procedure> procedures = new ArrayList<>();
		for (IBaseResource resource : daos.getResourceDao(Procedure.class).searchForResources(search, request)) {
			Procedure procedure = (Procedure) resource;
			if (procedure.getStatus() == Procedure.ProcedureStatus.COMPLETED && ccamCoding(procedure).isPresent()) {
				procedures.add(procedure);
			}
		}
		procedures.sort(Comparator.comparing((Procedure procedure) -> performed(procedure).orElse(LocalDateTime.MAX))
				.thenComparing(procedure -> procedure.getIdElement().getIdPart()));
		return procedures;
	}

	private ActsSummary.Act act(Procedure procedure, Optional<Practitioner> performer) {
		Coding coding = ccamCoding(procedure).orElseThrow();
		String label = ccam.act(coding.getCode()).map(act -> act.label())
				.orElse(coding.hasDisplay() ? coding.getDisplay() : "(libellé inconnu de la CCAM V81)");
		List<String> modifiers = new ArrayList<>();
		for (Extension modifier : procedure.getExtensionsByUrl(CcamFhir.MODIFIER)) {
			if (modifier.getValue() instanceof Coding value) {
				modifiers.add(value.getCode());
			}
		}
		return new ActsSummary.Act(performed(procedure), coding.getCode(), label, extension(procedure, CcamFhir.ACTIVITY, "1"),
				extension(procedure, CcamFhir.PHASE, "0"), modifiers, performer.map(ActsSummaryOperation::nameOf).orElse(""));
	}

	private Optional<Practitioner> performerOf(Procedure procedure, RequestDetails request) {
		String reference = procedure.getPerformerFirstRep().getActor().getReference();
		if (reference == null || !reference.startsWith("Practitioner/")) {
			return Optional.empty();
		}
		return Optional.of(daos.getResourceDao(Practitioner.class).read(new IdType(reference), request));
	}

	private Optional<LocalDateTime> performed(Procedure procedure) {
		if (procedure.hasPerformedDateTimeType()) {
			return local(procedure.getPerformedDateTimeType().getValue());
		}
		return procedure.hasPerformedPeriod() ? local(procedure.getPerformedPeriod().getStart()) : Optional.empty();
	}

	private Optional<LocalDateTime> local(Date date) {
		return Optional.ofNullable(date).map(value -> LocalDateTime.ofInstant(value.toInstant(), zone));
	}

	private static Optional<Coding> ccamCoding(Procedure procedure) {
		return procedure.getCode().getCoding().stream().filter(coding -> CcamFhir.isCcam(coding.getSystem()) && coding.hasCode())
				.findFirst();
	}

	private static String extension(Procedure procedure, String url, String absent) {
		Extension extension = procedure.getExtensionByUrl(url);
		return extension == null || extension.getValue() == null ? absent : extension.getValue().primitiveValue();
	}

	private static String nameOf(Patient patient) {
		return patient.getName().stream().findFirst()
				.map(name -> (name.getFamily() == null ? "" : name.getFamily()) + " " + name.getGivenAsSingleString())
				.map(String::trim).orElse("(sans nom)");
	}

	private static String nameOf(Practitioner practitioner) {
		return practitioner.getName().stream().findFirst()
				.map(name -> "Dr " + (name.getGivenAsSingleString() + " " + (name.getFamily() == null ? "" : name.getFamily())).trim())
				.orElse("");
	}

	/** The acts as they stand: their ids and versions. The same acts give the same summary. */
	private static String fingerprint(List<Procedure> procedures) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Procedure procedure : procedures) {
				digest.update(procedure.getIdElement().toUnqualified().getValue().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required of every JDK", e);
		}
	}
}
