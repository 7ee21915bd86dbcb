package fr.ccamhub.hl7.store;

import org.springframework.jdbc.core.JdbcTemplate;

/** Creates ccamhub's own HL7 tables (beside HAPI's, in the same database) when they are missing. */
public final class Hl7Schema {

	private Hl7Schema() {}

	public static void create(JdbcTemplate jdbc) {
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS ccamhub_hl7_message (
				  sending_application varchar(227) NOT NULL,
				  sending_facility    varchar(227) NOT NULL,
				  control_id          varchar(199) NOT NULL,
				  content_sha256      char(64) NOT NULL,
				  message_type        varchar(20),
				  received_at         timestamptz NOT NULL,
				  ack                 text NOT NULL,
				  PRIMARY KEY (sending_application, sending_facility, control_id, content_sha256))""");
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS ccamhub_hl7_quarantine (
				  id                  bigserial PRIMARY KEY,
				  received_at         timestamptz NOT NULL,
				  remote_address      varchar(100),
				  sending_application varchar(227),
				  sending_facility    varchar(227),
				  control_id          varchar(199),
				  ack_code            char(2) NOT NULL,
				  error_location      varchar(100),
				  reason              text,
				  ack                 text,
				  message             bytea NOT NULL,
				  status              varchar(20) NOT NULL DEFAULT 'QUARANTINED',
				  replayed_at         timestamptz,
				  replay_ack          text)""");
	}
}
