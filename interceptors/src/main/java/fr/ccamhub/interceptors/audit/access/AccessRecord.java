package fr.ccamhub.interceptors.audit.access;

import ca.uhn.fhir.storage.interceptor.balp.BalpProfileEnum;
import java.time.Instant;
import java.util.Objects;

/**
 * One read or search of this server's data, as its AuditEvent records it: the facts only, taken on the request
 * path, from which {@link AccessAuditEventJson} writes the BALP/TDE AuditEvent without HAPI's object model.
 *
 * @param id the AuditEvent's logical id
 * @param profile BALP's profile: {@code BASIC_READ}, {@code PATIENT_READ}, {@code BASIC_QUERY} or {@code PATIENT_QUERY}
 * @param interaction the restful interaction code ({@code read}, {@code vread}, {@code search-type}, ...)
 * @param serverBase this server's FHIR base URL as the caller used it
 * @param user who asked (the requestor)
 * @param client the client application
 * @param networkAddress the caller's IP address, or null
 * @param requestId HAPI's request id
 * @param dataResource the versioned relative id of the resource read, or null for a search
 * @param patient the relative id of the patient whose compartment was touched, or null
 * @param query for a search: the query URL (base64-encoded in the event); otherwise null
 * @param queryDescription for a search: the HTTP verb and complete URL; otherwise null
 */
public record AccessRecord(
		String id, Instant recorded, BalpProfileEnum profile, String interaction, String serverBase, Who user,
		Who client, String networkAddress, String requestId, String dataResource, String patient, String query,
		String queryDescription) {

	public AccessRecord {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(recorded, "recorded");
		Objects.requireNonNull(profile, "profile");
		Objects.requireNonNull(interaction, "interaction");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(client, "client");
	}

	/** An agent named by an identifier (system and value, both optional) and a display, as BALP names them. */
	public record Who(String identifierSystem, String identifierValue, String display) {}
}
