package fr.ccamhub.interceptors.audit.access;

import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import fr.ccamhub.interceptors.audit.AuditEventShape;
import fr.ccamhub.interceptors.audit.StoringBalpSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Coding;

/**
 * Writes the AuditEvent of an access straight from its {@link AccessRecord}: the event HAPI's BALP
 * interceptor would build, brought to ANS TDE by {@link AuditEventShape} (the requestor and the client as agents, one
 * subtype, a period, both profiles), as canonical JSON (RFC 8785).
 *
 * <p>HAPI's object model and parser cost a read more than the read itself (a narrative parsed from XHTML, an encoder
 * walking every element, then a re-parse to canonicalise for the ledger hash). Written directly, the JSON is already
 * canonical, so its ledger hash (SHA-256 of the JCS JSON without {@code meta}) is one digest of the same text. Tests
 * hold it equal, member for member, to what the BALP interceptor and HAPI's parser give.
 */
public final class AccessAuditEventJson {

	static final String RESTFUL_OPERATION = "rest";
	static final String XHTML_DIV = "<div xmlns=\"http://www.w3.org/1999/xhtml\">Audit Event</div>";
	private static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
	private static final String BALP_ENTITY_TYPE = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

	private final String json;
	private final String jsonWithoutMeta;

	private AccessAuditEventJson(String json, String jsonWithoutMeta) {
		this.json = json;
		this.jsonWithoutMeta = jsonWithoutMeta;
	}

	/** The event of {@code access}, version 1, last updated when it was recorded. */
	public static AccessAuditEventJson of(AccessRecord access) {
		SortedMap<String, Object> event = body(access);
		String withoutMeta = CanonicalJsonWriter.write(event);
		SortedMap<String, Object> meta = new TreeMap<>();
		meta.put("versionId", "1");
		meta.put("lastUpdated", instant(access));
		meta.put("profile", List.of(access.profile().getProfileUrl(), AuditEventShape.TDE_PROFILE));
		event.put("meta", meta);
		return new AccessAuditEventJson(CanonicalJsonWriter.write(event), withoutMeta);
	}

	/** The AuditEvent as stored and served. */
	public String json() {
		return json;
	}

	/** What the ledger records of this version: SHA-256 of its canonical JSON without {@code meta}. */
	public byte[] ledgerHash() {
		try {
			return MessageDigest.getInstance("SHA-256").digest(jsonWithoutMeta.getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java platform must provide SHA-256", e);
		}
	}

	private static SortedMap<String, Object> body(AccessRecord access) {
		SortedMap<String, Object> event = new TreeMap<>();
		event.put("resourceType", "AuditEvent");
		event.put("id", access.id());
		event.put("text", object("status", "generated", "div", XHTML_DIV));
		event.put("type", coding(BalpConstants.CS_AUDIT_EVENT_TYPE, RESTFUL_OPERATION, "Restful Operation"));
		event.put("subtype", List.of(coding(BalpConstants.CS_RESTFUL_INTERACTION, access.interaction(), access.interaction())));
		event.put("action", access.profile().getAction().toCode());
		event.put("period", object("start", instant(access)));
		event.put("recorded", instant(access));
		event.put("outcome", "0");
		event.put("agent", List.of(userAgent(access), clientAgent(access)));
		event.put("source", object("observer", object("display", access.serverBase())));
		event.put("entity", entities(access));
		return event;
	}

	private static SortedMap<String, Object> userAgent(AccessRecord access) {
		SortedMap<String, Object> agent = new TreeMap<>();
		agent.put("type", object("coding", List.of(coding(PARTICIPATION_TYPE, "IRCP", "information recipient"))));
		agent.put("who", who(access.user(), access.user().display()));
		agent.put("requestor", Boolean.TRUE);
		return agent;
	}

	/** BALP names the client by its identifier and, as display, the caller's network address. */
	private static SortedMap<String, Object> clientAgent(AccessRecord access) {
		SortedMap<String, Object> agent = new TreeMap<>();
		agent.put("type", object("coding", List.of(coding(access.profile().getAgentClientTypeCoding()))));
		agent.put("who", who(access.client(), access.networkAddress()));
		agent.put("network", object("address", access.networkAddress(), "type", "2"));
		agent.put("requestor", Boolean.FALSE);
		return agent;
	}

	private static List<Object> entities(AccessRecord access) {
		List<Object> entities = new ArrayList<>();
		entities.add(object("type", object("system", BALP_ENTITY_TYPE, "code", "XrequestId"),
				"what", object("identifier", object("value", access.requestId()))));
		if (access.query() != null) {
			SortedMap<String, Object> query = new TreeMap<>();
			query.put("type", entityType("2", "System Object"));
			query.put("role", coding(BalpConstants.CS_OBJECT_ROLE, "24", "Query"));
			query.put("description", access.queryDescription());
			query.put("query", Base64.getEncoder().encodeToString(access.query().getBytes(StandardCharsets.UTF_8)));
			entities.add(query);
		}
		if (access.dataResource() != null) {
			entities.add(object("type", entityType("2", "System Object"),
					"role", coding(BalpConstants.CS_OBJECT_ROLE, "4", "Domain Resource"),
					"what", what(access, access.dataResource())));
		}
		for (String patient : access.patients()) {
			entities.add(object("type", entityType("1", "Person"),
					"role", coding(BalpConstants.CS_OBJECT_ROLE, "1", "Patient"),
					"what", what(access, patient)));
		}
		return entities;
	}

	/** A reference, except in the event of a delete: there {@link StoringBalpSink} names every entity by identifier. */
	private static SortedMap<String, Object> what(AccessRecord access, String reference) {
		return access.deletion()
				? object("identifier", object("system", StoringBalpSink.DELETED_RESOURCE_SYSTEM, "value", reference), "display", reference)
				: object("reference", reference);
	}

	private static SortedMap<String, Object> who(AccessRecord.Who who, String display) {
		return object("identifier", object("system", who.identifierSystem(), "value", who.identifierValue()),
				"display", display);
	}

	private static SortedMap<String, Object> entityType(String code, String display) {
		return coding(BalpConstants.CS_AUDIT_ENTITY_TYPE, code, display);
	}

	private static SortedMap<String, Object> coding(Coding coding) {
		return coding(coding.getSystem(), coding.getCode(), coding.getDisplay());
	}

	private static SortedMap<String, Object> coding(String system, String code, String display) {
		return object("system", system, "code", code, "display", display);
	}

	private static SortedMap<String, Object> object(Object... keysAndValues) {
		SortedMap<String, Object> object = new TreeMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				object.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return object;
	}

	/** Millisecond precision, as HAPI records a java.util.Date. */
	private static String instant(AccessRecord access) {
		return INSTANT.format(access.recorded().truncatedTo(ChronoUnit.MILLIS));
	}
}
