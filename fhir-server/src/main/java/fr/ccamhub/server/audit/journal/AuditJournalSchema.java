package fr.ccamhub.server.audit.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The audit journal's table: one row per AuditEvent, append-only, with the columns its searches use. An AuditEvent is
 * written once and never changed, so it does not need HAPI's versioned, fully indexed resource tables: a row here
 * costs one insert where a stored resource costs a dozen, and it commits with the access it records.
 */
public final class AuditJournalSchema {

	private static final String[] STATEMENTS = {
		"""
		CREATE TABLE IF NOT EXISTS ccamhub_audit_event (
		  seq BIGSERIAL PRIMARY KEY,
		  id VARCHAR(64) NOT NULL UNIQUE,
		  recorded TIMESTAMPTZ NOT NULL,
		  action VARCHAR(1),
		  outcome VARCHAR(4),
		  type_tokens TEXT[] NOT NULL,
		  subtype_tokens TEXT[] NOT NULL,
		  patient_refs TEXT[] NOT NULL,
		  entity_refs TEXT[] NOT NULL,
		  entity_names TEXT[] NOT NULL,
		  agent_refs TEXT[] NOT NULL,
		  resource TEXT NOT NULL)""",
		"CREATE INDEX IF NOT EXISTS ccamhub_audit_event_recorded ON ccamhub_audit_event (recorded)",
		"CREATE INDEX IF NOT EXISTS ccamhub_audit_event_patient ON ccamhub_audit_event USING GIN (patient_refs)",
		"CREATE INDEX IF NOT EXISTS ccamhub_audit_event_entity ON ccamhub_audit_event USING GIN (entity_refs)",
		"CREATE INDEX IF NOT EXISTS ccamhub_audit_event_agent ON ccamhub_audit_event USING GIN (agent_refs)",
		"CREATE INDEX IF NOT EXISTS ccamhub_audit_event_subtype ON ccamhub_audit_event USING GIN (subtype_tokens)"
	};

	private AuditJournalSchema() {}

	public static void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : STATEMENTS) {
				statement.execute(sql);
			}
		}
	}
}
