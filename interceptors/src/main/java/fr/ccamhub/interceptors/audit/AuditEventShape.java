package fr.ccamhub.interceptors.audit;

import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * Brings a BALP AuditEvent to the ANS "Traçabilité des événements" (TDE) profile: a period
 * start, a single subtype, at most two agents, and the profile declared.
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
		while (auditEvent.getAgent().size() > 2) {
			auditEvent.getAgent().remove(auditEvent.getAgent().size() - 1);
		}
		if (!auditEvent.getMeta().hasProfile(TDE_PROFILE)) {
			auditEvent.getMeta().addProfile(TDE_PROFILE);
		}
		return auditEvent;
	}
}
