package fr.ccamhub.dmp.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DMP outbox and its dead letters, created at start-up when missing (idempotent DDL, as the ledger's tables).
 *
 * <p>{@code ccamhub_dmp_outbox} holds one row per document to share, written in the transaction that stores the
 * document. The unique {@code master_identifier} makes a document impossible to queue, and so to send, twice.
 * {@code ccamhub_dmp_dead_letter} keeps what could not be delivered (the validator's messages or the recipient's
 * OperationOutcome, and the Bundle) until an administrator replays it.
 */
public final class DmpSchema {

	private DmpSchema() {}

	public static void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_dmp_outbox (
					  id BIGSERIAL PRIMARY KEY,
					  kind TEXT NOT NULL,
					  document_id TEXT NOT NULL,
					  document_version TEXT NOT NULL,
					  patient_id TEXT NOT NULL,
					  master_identifier TEXT NOT NULL UNIQUE,
					  replaces TEXT,
					  state TEXT NOT NULL,
					  hold_reason TEXT,
					  hold_text TEXT,
					  attempts INTEGER NOT NULL DEFAULT 0,
					  ambiguous BOOLEAN NOT NULL DEFAULT FALSE,
					  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
					  lease_until TIMESTAMPTZ,
					  last_status INTEGER,
					  last_error TEXT,
					  remote_location TEXT,
					  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
					  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
					  delivered_at TIMESTAMPTZ)""");
			statement.execute("""
					CREATE INDEX IF NOT EXISTS ccamhub_dmp_outbox_due
					  ON ccamhub_dmp_outbox (next_attempt_at) WHERE state IN ('PENDING', 'SENDING')""");
			statement.execute("""
					CREATE INDEX IF NOT EXISTS ccamhub_dmp_outbox_document ON ccamhub_dmp_outbox (document_id)""");
			statement.execute("""
					CREATE INDEX IF NOT EXISTS ccamhub_dmp_outbox_patient ON ccamhub_dmp_outbox (patient_id)""");
			statement.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_dmp_dead_letter (
					  id BIGSERIAL PRIMARY KEY,
					  outbox_id BIGINT NOT NULL REFERENCES ccamhub_dmp_outbox (id),
					  dead_at TIMESTAMPTZ NOT NULL DEFAULT now(),
					  reason TEXT NOT NULL,
					  http_status INTEGER,
					  detail TEXT NOT NULL,
					  bundle TEXT,
					  replayed_at TIMESTAMPTZ,
					  replayed_by TEXT)""");
		}
	}
}
