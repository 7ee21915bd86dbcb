package fr.ccamhub.interceptors.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * Brings a BALP AuditEvent to the ANS "Traçabilité des événements" (TDE) profile: a period
 * start, a single subtype, at most two agents (the requestor first), and the profile declared.
 */
public final class AuditEventShape {

	public static final String TDE_PROFILE = "https://interop.esante.gouv.fr/ig/fhir/tde/StructureDefinition/tde-auditevent";

	private AuditEventShape() {}

	public static AuditEvent toTde(AuditEvent auditEvent) {
		if (!auditEvent.hasRecorded()) {
			auditEvent.setRecorded(new Date());
		}
		if (!auditEvent.getPeriod().hasStart()) {
			auditEvent.getPeriod().setStart(auditEvent.getRecorded());
		}
		while (auditEvent.getSubtype().size() > 1) {
			auditEvent.getSubtype().remove(auditEvent.getSubtype().size() - 1);
		}
		if (auditEvent.getAgent().size() > 2) {
			// BALP names the user (requestor), the client and this server; TDE allows two agents and
			// source.observer already names the server: keep the requestor and the first other agent.
			List<AuditEvent.AuditEventAgentComponent> kept = new ArrayList<>();
			auditEvent.getAgent().stream().filter(AuditEvent.AuditEventAgentComponent::getRequestor).findFirst().ifPresent(kept::add);
			auditEvent.getAgent().stream().filter(agent -> !kept.contains(agent)).limit(2 - kept.size()).forEach(kept::add);
			auditEvent.getAgent().clear();
			auditEvent.getAgent().addAll(kept);
		}
		if (!auditEvent.getMeta().hasProfile(TDE_PROFILE)) {
			auditEvent.getMeta().addProfile(TDE_PROFILE);
		}
		return auditEvent;
	}
}
