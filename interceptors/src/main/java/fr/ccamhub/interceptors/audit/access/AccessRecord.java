package fr.ccamhub.interceptors.audit.access;

import ca.uhn.fhir.storage.interceptor.balp.BalpProfileEnum;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One access to this server's data through the FHIR API (a read, a search, a create, an update, a delete), as its
 * AuditEvent records it: the facts only, taken on the request path, from which {@link AccessAuditEventJson} writes the
 * BALP/TDE AuditEvent without HAPI's object model.
 *
 * @param id the AuditEvent's logical id
 * @param profile BALP's profile ({@code PATIENT_READ}, {@code BASIC_QUERY}, {@code PATIENT_CREATE}, ...)
 * @param interaction the restful interaction code, null for the few interactions that have none ({@code read}, {@code search-type}, {@code create}, {@code transaction}...)
 * @param serverBase this server's FHIR base URL as the caller used it
 * @param user who asked (the requestor)
 * @param client the client application
 * @param networkAddress the caller's IP address, or null
 * @param requestId HAPI's request id
 * @param dataResource the versioned relative id of the resource read or written, or null for a search
 * @param patients the relative ids of the patients whose compartment was touched (one per read or search event)
 * @param query for a search: the query URL (base64-encoded in the event); otherwise null
 * @param queryDescription for a search: the HTTP verb and complete URL; otherwise null
 */
public record AccessRecord(
		String id, Instant recorded, BalpProfileEnum profile, String interaction, String serverBase, Who user,
		Who client, String networkAddress, String requestId, String dataResource, List<String> patients, String query,
		String queryDescription) {

	public AccessRecord {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(recorded, "recorded");
		Objects.requireNonNull(profile, "profile");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(client, "client");
		patients = List.copyOf(patients);
	}

	/** A delete: the resource no longer exists, so the event names it by identifier, not by a reference. */
	public boolean deletion() {
		return profile == BalpProfileEnum.BASIC_DELETE || profile == BalpProfileEnum.PATIENT_DELETE;
	}

	/** A create, an update or a delete: recorded in the write's own transaction. */
	public boolean write() {
		return profile.getAction() != org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.R
				&& profile.getAction() != org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.E;
	}

	/** An agent named by an identifier (system and value, both optional) and a display, as BALP names them. */
	public record Who(String identifierSystem, String identifierValue, String display) {}
}
