package fr.ccamhub.server.audit.journal;

import fr.ccamhub.interceptors.audit.access.AccessRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/**
 * What the journal indexes of an AuditEvent, extracted as the R4 search parameters define them: {@code date}
 * (recorded), {@code action}, {@code outcome}, {@code type}, {@code subtype}, {@code patient} (agents and entities
 * that are Patients), {@code entity} and {@code agent} (versionless references), {@code entity-name}. A token is kept
 * as {@code system|code} and as its bare code, so that both forms of a token search match.
 */
public record AuditEventColumns(
		Instant recorded, String action, String outcome, List<String> typeTokens, List<String> subtypeTokens,
		List<String> patientRefs, List<String> entityRefs, List<String> entityNames, List<String> agentRefs) {

	private static final String REST = "rest";
	private static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
	private static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";

	public static AuditEventColumns of(AuditEvent event) {
		Set<String> patients = new LinkedHashSet<>();
		Set<String> entities = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		Set<String> agents = new LinkedHashSet<>();
		for (AuditEvent.AuditEventAgentComponent agent : event.getAgent()) {
			reference(agent.getWho(), agents, patients);
		}
		for (AuditEvent.AuditEventEntityComponent entity : event.getEntity()) {
			reference(entity.getWhat(), entities, patients);
			if (entity.hasName()) {
				names.add(entity.getName());
			}
		}
		Set<String> subtypes = new LinkedHashSet<>();
		event.getSubtype().forEach(coding -> tokens(coding, subtypes));
		Set<String> types = new LinkedHashSet<>();
		tokens(event.getType(), types);
		return new AuditEventColumns(
				event.hasRecorded() ? event.getRecorded().toInstant() : Instant.now(),
				event.hasAction() ? event.getAction().toCode() : null,
				event.hasOutcome() ? event.getOutcome().toCode() : null,
				List.copyOf(types), List.copyOf(subtypes), List.copyOf(patients), List.copyOf(entities), List.copyOf(names),
				List.copyOf(agents));
	}

	/** The columns of an access recorded as an {@link AccessRecord}: what {@link #of} finds in its AuditEvent. */
	public static AuditEventColumns of(AccessRecord access) {
		List<String> entities = new ArrayList<>(1 + access.patients().size());
		List<String> patients = new ArrayList<>(access.patients().size());
		List<String> references = new ArrayList<>(entities.size());
		if (!access.deletion()) {
			// A delete's event names its entities by identifier: no reference to index, as for any such event.
			references.add(access.dataResource());
			references.addAll(access.patients());
		}
		for (String reference : references) {
			String versionless = versionless(reference);
			if (versionless != null && !entities.contains(versionless)) {
				entities.add(versionless);
				if (versionless.startsWith("Patient/")) {
					patients.add(versionless);
				}
			}
		}
		return new AuditEventColumns(access.recorded().truncatedTo(ChronoUnit.MILLIS), access.profile().getAction().toCode(), "0",
				List.of(REST, AUDIT_EVENT_TYPE + "|" + REST),
				access.interaction() == null ? List.of() : List.of(access.interaction(), RESTFUL_INTERACTION + "|" + access.interaction()),
				List.copyOf(patients), List.copyOf(entities), List.of(), List.of());
	}

	/** The versionless relative reference of a literal reference, or null when it is not one. */
	public static String versionless(String reference) {
		if (reference == null || reference.isBlank() || reference.startsWith("#") || reference.startsWith("urn:")) {
			return null;
		}
		IdType id = new IdType(reference);
		if (!id.hasResourceType() || !id.hasIdPart()) {
			return null;
		}
		return id.getResourceType() + "/" + id.getIdPart();
	}

	private static void reference(Reference reference, Set<String> into, Set<String> patients) {
		String versionless = reference.hasReference() ? versionless(reference.getReference()) : null;
		if (versionless == null) {
			return;
		}
		into.add(versionless);
		if (versionless.startsWith("Patient/")) {
			patients.add(versionless);
		}
	}

	private static void tokens(Coding coding, Set<String> into) {
		if (coding == null || !coding.hasCode()) {
			return;
		}
		into.add(coding.getCode());
		if (coding.hasSystem()) {
			into.add(coding.getSystem() + "|" + coding.getCode());
		}
	}
}
