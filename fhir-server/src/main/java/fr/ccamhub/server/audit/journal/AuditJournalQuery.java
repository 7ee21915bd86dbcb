package fr.ccamhub.server.audit.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a journal search, built one search parameter at a time: values of one parameter are ORed
 * (array overlap), parameters are ANDed, as FHIR search combines them. Values are bound, never concatenated.
 */
public final class AuditJournalQuery {

	/** Array columns that hold one search parameter's values. */
	public enum ArrayColumn {
		TYPE("type_tokens"), SUBTYPE("subtype_tokens"), PATIENT("patient_refs"), ENTITY("entity_refs"),
		ENTITY_NAME("entity_names"), AGENT("agent_refs");

		private final String column;

		ArrayColumn(String column) {
			this.column = column;
		}
	}

	/** Scalar columns matched by equality. */
	public enum ScalarColumn {
		ID("id"), ACTION("action"), OUTCOME("outcome");

		private final String column;

		ScalarColumn(String column) {
			this.column = column;
		}
	}

	private final List<String> conditions = new ArrayList<>();
	private final List<Object> parameters = new ArrayList<>();
	private boolean newestFirst;

	/** Rows whose column holds at least one of these values. */
	public AuditJournalQuery anyOf(ArrayColumn column, List<String> values) {
		conditions.add(column.column + " && ?::text[]");
		parameters.add(values.toArray(String[]::new));
		return this;
	}

	/** Rows with one of these values in a scalar column. */
	public AuditJournalQuery oneOf(ScalarColumn column, List<String> values) {
		conditions.add(column.column + " = ANY (?::text[])");
		parameters.add(values.toArray(String[]::new));
		return this;
	}

	/** Rows with an entity name starting with one of these prefixes, case and accents as given. */
	public AuditJournalQuery entityNameStartsWith(List<String> prefixes) {
		List<String> any = new ArrayList<>();
		for (String prefix : prefixes) {
			any.add("lower(n) LIKE ? ESCAPE '\\'");
			parameters.add(prefix.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%");
		}
		conditions.add("EXISTS (SELECT 1 FROM unnest(entity_names) n WHERE " + String.join(" OR ", any) + ")");
		return this;
	}

	/** Rows recorded at or after this instant. */
	public AuditJournalQuery recordedFrom(Instant from) {
		conditions.add("recorded >= ?");
		parameters.add(Timestamp.from(from));
		return this;
	}

	/** Rows recorded at or before this instant. */
	public AuditJournalQuery recordedUntil(Instant until) {
		conditions.add("recorded <= ?");
		parameters.add(Timestamp.from(until));
		return this;
	}

	/** Newest first ({@code _sort=-date}); oldest first otherwise. */
	public AuditJournalQuery newestFirst(boolean newestFirst) {
		this.newestFirst = newestFirst;
		return this;
	}

	String where() {
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	String orderBy() {
		return newestFirst ? " ORDER BY recorded DESC, seq DESC" : " ORDER BY recorded, seq";
	}

	List<Object> parameters() {
		return List.copyOf(parameters);
	}
}
