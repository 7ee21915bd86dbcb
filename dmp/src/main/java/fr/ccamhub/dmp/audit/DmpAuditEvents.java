package fr.ccamhub.dmp.audit;

import fr.ccamhub.dmp.delivery.DeliveryAttempt;
import fr.ccamhub.interceptors.audit.AuditEventShape;
import java.net.URI;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The AuditEvent of one attempt to share a document, shaped as IHE MHD's "Provide Document Bundle" source audit
 * (DICOM Export, subtype ITI-65, the document source and recipient as agents, the patient and the SubmissionSet as
 * entities) and brought to the ANS TDE profile. The DocumentReference version is an entity too, so that
 * {@code AuditEvent?entity=DocumentReference/…} lists every attempt for a document.
 */
public final class DmpAuditEvents {

	private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
	private static final String IHE_EVENT = "urn:ihe:event-type-code";
	private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
	private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
	private static final String NETWORK_URI = "5";

	private DmpAuditEvents() {}

	public static AuditEvent of(DeliveryAttempt attempt) {
		AuditEvent event = new AuditEvent();
		event.setType(new Coding(DCM, "110106", "Export"));
		event.addSubtype(new Coding(IHE_EVENT, "ITI-65", "Provide Document Bundle"));
		event.setAction(AuditEventAction.R);
		event.setRecorded(Date.from(attempt.at()));
		event.setOutcome(switch (attempt.outcome()) {
			case DELIVERED -> AuditEventOutcome._0;
			case HELD, RETRY, POSTPONED -> AuditEventOutcome._4;
			case DEAD -> AuditEventOutcome._8;
		});
		String outcome = switch (attempt.outcome()) {
			case DELIVERED -> "remis";
			case HELD -> "retenu";
			case RETRY -> "échec, nouvelle tentative prévue";
			case POSTPONED -> "différé";
			case DEAD -> "non remis (lettre morte)";
		};
		event.setOutcomeDesc("DMP, document " + outcome + " : " + attempt.detail()
				+ attempt.httpStatus().map(status -> " (HTTP " + status + ")").orElse(""));
		event.getSource().setObserver(new Reference().setDisplay("ccamhub"));
		event.getSource().addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
				"Application Server"));

		AuditEvent.AuditEventAgentComponent source = event.addAgent().setRequestor(true)
				.setWho(new Reference().setDisplay("ccamhub (Document Source PDSm)"));
		source.getType().addCoding(new Coding(DCM, "110153", "Source Role ID"));
		AuditEvent.AuditEventAgentComponent recipient = event.addAgent().setRequestor(false)
				.setWho(new Reference().setDisplay(attempt.recipient()));
		recipient.getType().addCoding(new Coding(DCM, "110152", "Destination Role ID"));
		recipient.getNetwork().setAddress(hostOf(attempt.recipient()))
				.setType(AuditEvent.AuditEventAgentNetworkType.fromCode(NETWORK_URI));

		event.addEntity().setWhat(new Reference("Patient/" + attempt.item().patientId()))
				.setType(new Coding(ENTITY_TYPE, "1", "Person")).setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
		event.addEntity()
				.setWhat(new Reference("DocumentReference/" + attempt.item().documentId() + "/_history/"
						+ attempt.item().documentVersion()))
				.setName(attempt.item().masterIdentifier())
				.setType(new Coding(ENTITY_TYPE, "2", "System Object")).setRole(new Coding(OBJECT_ROLE, "3", "Report"));
		attempt.submissionSetId().ifPresent(submissionSet -> event.addEntity()
				.setWhat(new Reference().setIdentifier(new Identifier().setValue(submissionSet)))
				.setType(new Coding(ENTITY_TYPE, "2", "System Object"))
				.setRole(new Coding(OBJECT_ROLE, "20", "Job"))
				.setName("SubmissionSet " + submissionSet));
		return AuditEventShape.toTde(event);
	}

	/**
	 * The AuditEvent of an administrator's look at, or action on, the DMP queue ({@code /dmp/v1}): who, from where,
	 * which request, which patients' items it showed or touched.
	 *
	 * @param who the person's identifier system (token issuer) and value (subject), and display name
	 */
	public static AuditEvent administration(Identifier who, String whoDisplay, String requestLine, String remoteAddress,
			boolean changesSomething, java.util.Collection<String> patientIds, java.time.Instant at) {
		AuditEvent event = new AuditEvent();
		event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
		event.addSubtype(changesSomething
				? new Coding("http://hl7.org/fhir/restful-interaction", "operation", "operation")
				: new Coding("http://hl7.org/fhir/restful-interaction", "search-type", "search-type"));
		event.setAction(changesSomething ? AuditEventAction.E : AuditEventAction.R);
		event.setRecorded(Date.from(at));
		event.setOutcome(AuditEventOutcome._0);
		event.setOutcomeDesc("DMP : " + requestLine);
		event.getSource().setObserver(new Reference().setDisplay("ccamhub"));
		AuditEvent.AuditEventAgentComponent user = event.addAgent().setRequestor(true)
				.setWho(new Reference().setIdentifier(who).setDisplay(whoDisplay));
		user.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
				"information recipient"));
		if (remoteAddress != null) {
			user.getNetwork().setAddress(remoteAddress).setType(AuditEvent.AuditEventAgentNetworkType._2);
		}
		event.addEntity().setType(new Coding(ENTITY_TYPE, "2", "System Object"))
				.setRole(new Coding(OBJECT_ROLE, "24", "Query")).setName(requestLine).setDescription(requestLine);
		patientIds.stream().distinct().forEach(patientId -> event.addEntity()
				.setWhat(new Reference("Patient/" + patientId))
				.setType(new Coding(ENTITY_TYPE, "1", "Person")).setRole(new Coding(OBJECT_ROLE, "1", "Patient")));
		return AuditEventShape.toTde(event);
	}

	private static String hostOf(String address) {
		try {
			String host = URI.create(address).getHost();
			return host == null ? address : host;
		} catch (IllegalArgumentException e) {
			return address;
		}
	}
}
