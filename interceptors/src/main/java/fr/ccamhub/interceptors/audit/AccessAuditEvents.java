package fr.ccamhub.interceptors.audit;

import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import fr.ccamhub.interceptors.consent.BreakTheGlass;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds the AuditEvents BALP does not: refused attempts (401, 403) and break-the-glass access.
 * Same vocabulary as BALP (audit-event-type {@code rest}, restful-interaction subtype).
 */
public final class AccessAuditEvents {

	private static final String SOURCE_OBSERVER = "ccamhub";

	private AccessAuditEvents() {}

	/**
	 * A refused request.
	 *
	 * @param principal the caller when it was authenticated (403), or null (401)
	 * @param interaction FHIR restful interaction code (read, search-type, create, ...) or null
	 * @param requestLine method and path as received, e.g. {@code GET /fhir/Patient/123} (kept in
	 *     {@code entity.name}, so that {@code AuditEvent?entity-name=} finds it)
	 * @param remoteAddress caller's network address
	 * @param status HTTP status returned
	 * @param reason why it was refused, without secrets
	 * @param patientIds patients the request was about, when known
	 */
	public static AuditEvent refusal(
			AccessPrincipal principal,
			String interaction,
			String requestLine,
			String remoteAddress,
			int status,
			String reason,
			Collection<String> patientIds) {
		AuditEvent event = base(interaction, actionOf(requestLine));
		event.setOutcome(AuditEventOutcome._4);
		event.setOutcomeDesc(status + " " + reason);
		addAgents(event, principal, remoteAddress);
		addRequest(event, requestLine);
		patientIds.forEach(patient -> addPatient(event, patient));
		return AuditEventShape.toTde(event);
	}

	/** Access to restricted records granted by break-the-glass, with the clinician's reason. */
	public static AuditEvent breakTheGlass(
			AccessPrincipal principal, String requestLine, String remoteAddress, String reason, Collection<String> patientIds) {
		AuditEvent event = base(null, actionOf(requestLine));
		event.setOutcome(AuditEventOutcome._0);
		event.setOutcomeDesc("Break-the-glass access: " + reason);
		Coding btg = new Coding(BreakTheGlass.PURPOSE_SYSTEM, BreakTheGlass.PURPOSE_CODE, "break the glass");
		event.addPurposeOfEvent(new CodeableConcept(btg));
		addAgents(event, principal, remoteAddress);
		event.getAgentFirstRep().addPurposeOfUse(new CodeableConcept(btg));
		addRequest(event, requestLine);
		patientIds.forEach(patient -> addPatient(event, patient));
		return AuditEventShape.toTde(event);
	}

	/**
	 * A bulk export started ({@code $export}): who asked, for which types and patients. The export
	 * itself is audited here, once, rather than per exported resource.
	 *
	 * @param resourceTypes the types exported
	 * @param patientIds the patients named by the request ({@code Patient/123/$export}); empty for system exports
	 */
	public static AuditEvent bulkExport(AccessPrincipal principal, String requestLine, String remoteAddress,
			Collection<String> resourceTypes, Collection<String> patientIds) {
		// TDE allows one subtype: DICOM's Export says what happened better than the restful "operation".
		AuditEvent event = base(null, AuditEventAction.R);
		event.addSubtype(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110106", "Export"));
		event.setOutcome(AuditEventOutcome._0);
		event.setOutcomeDesc("Bulk export of " + String.join(", ", resourceTypes));
		addAgents(event, principal, remoteAddress);
		addRequest(event, requestLine);
		patientIds.forEach(patient -> addPatient(event, patient));
		return AuditEventShape.toTde(event);
	}

	private static AuditEvent base(String interaction, AuditEventAction action) {
		AuditEvent event = new AuditEvent();
		event.setType(new Coding(BalpConstants.CS_AUDIT_EVENT_TYPE, "rest", "Restful Operation"));
		if (interaction != null) {
			event.addSubtype(new Coding(BalpConstants.CS_RESTFUL_INTERACTION, interaction, interaction));
		}
		event.setAction(action);
		event.setRecorded(new Date());
		event.getSource().setObserver(new Reference().setDisplay(SOURCE_OBSERVER));
		return event;
	}

	private static void addAgents(AuditEvent event, AccessPrincipal principal, String remoteAddress) {
		AuditEvent.AuditEventAgentComponent user = event.addAgent()
				.setRequestor(true)
				.setWho(principal == null ? AuditAgents.unknown() : AuditAgents.user(principal));
		user.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
				"information recipient"));
		if (remoteAddress != null) {
			user.getNetwork().setAddress(remoteAddress).setType(BalpConstants.AUDIT_EVENT_AGENT_NETWORK_TYPE_IP_ADDRESS);
		}
		if (principal != null) {
			event.addAgent().setRequestor(false).setWho(AuditAgents.client(principal));
		}
	}

	/** The request as the query entity; its line in {@code name} so {@code AuditEvent?entity-name=} finds it. */
	private static void addRequest(AuditEvent event, String requestLine) {
		event.addEntity()
				.setType(new Coding(BalpConstants.CS_AUDIT_ENTITY_TYPE, BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT,
						BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT_DISPLAY))
				.setRole(new Coding(BalpConstants.CS_OBJECT_ROLE, BalpConstants.CS_OBJECT_ROLE_24_QUERY, "Query"))
				.setName(requestLine)
				.setDescription(requestLine);
	}

	private static void addPatient(AuditEvent event, String patientId) {
		event.addEntity()
				.setType(new Coding(BalpConstants.CS_AUDIT_ENTITY_TYPE, BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON,
						BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON_DISPLAY))
				.setRole(new Coding(BalpConstants.CS_OBJECT_ROLE, BalpConstants.CS_OBJECT_ROLE_1_PATIENT,
						BalpConstants.CS_OBJECT_ROLE_1_PATIENT_DISPLAY))
				.setWhat(new Reference("Patient/" + patientId));
	}

	private static AuditEventAction actionOf(String requestLine) {
		String method = requestLine == null ? "" : requestLine.split(" ", 2)[0].toUpperCase(Locale.ROOT);
		return switch (method) {
			case "POST" -> AuditEventAction.C;
			case "PUT", "PATCH" -> AuditEventAction.U;
			case "DELETE" -> AuditEventAction.D;
			default -> AuditEventAction.R;
		};
	}
}
