package fr.ccamhub.ledger.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The ledger's own PostgreSQL tables, beside HAPI's in the same database. Created when missing; every statement is
 * idempotent so that several instances may start together.
 *
 * <ul>
 *   <li>{@code ccamhub_ledger_outbox}: entries written in the same transaction as the FHIR resource version they
 *       record, waiting for the sequencer to give them a leaf index.</li>
 *   <li>{@code ccamhub_ledger_entry}: sequenced entries, by leaf index, as their canonical bytes.</li>
 *   <li>{@code ccamhub_ledger_node}: the Merkle nodes of every completed perfect subtree (level 0 = leaf hashes).</li>
 *   <li>{@code ccamhub_ledger_size}: one row, the tree size; locked by whoever appends.</li>
 *   <li>{@code ccamhub_ledger_head}: signed tree heads, and where each anchored head sits on chain.</li>
 *   <li>{@code ccamhub_ledger_contract}: the anchor contract deployed by this ledger on each chain.</li>
 * </ul>
 */
public final class LedgerSchema {

	private LedgerSchema() {}

	public static void create(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement()) {
			sql.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_ledger_outbox (
					  id            bigserial PRIMARY KEY,
					  entry         bytea NOT NULL,
					  resource_type varchar(64) NOT NULL,
					  resource_id   varchar(64) NOT NULL,
					  version_id    varchar(64) NOT NULL,
					  enqueued_at   timestamptz NOT NULL DEFAULT now())""");
			sql.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_ledger_entry (
					  leaf_index    bigint PRIMARY KEY,
					  entry         bytea NOT NULL,
					  resource_type varchar(64) NOT NULL,
					  resource_id   varchar(64) NOT NULL,
					  version_id    varchar(64) NOT NULL,
					  action        varchar(10) NOT NULL,
					  recorded_at   timestamptz NOT NULL)""");
			sql.execute("""
					CREATE INDEX IF NOT EXISTS ccamhub_ledger_entry_resource
					  ON ccamhub_ledger_entry (resource_type, resource_id, version_id)""");
			sql.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_ledger_node (
					  level smallint NOT NULL,
					  idx   bigint NOT NULL,
					  hash  bytea NOT NULL,
					  PRIMARY KEY (level, idx))""");
			sql.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_ledger_size (
					  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
					  tree_size bigint NOT NULL)""");
			sql.execute("INSERT INTO ccamhub_ledger_size (singleton, tree_size) VALUES (true, 0) ON CONFLICT DO NOTHING");
			sql.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_ledger_head (
					  tree_size     bigint PRIMARY KEY,
					  timestamp_ms  bigint NOT NULL,
					  root_hash     bytea NOT NULL,
					  signature     bytea NOT NULL,
					  key_id        varchar(64) NOT NULL,
					  chain_id      bigint,
					  contract      varchar(42),
					  tx_hash       varchar(66),
					  block_number  bigint,
					  anchored_at   timestamptz)""");
			sql.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_ledger_contract (
					  chain_id    bigint PRIMARY KEY,
					  contract    varchar(42) NOT NULL,
					  deployed_at timestamptz NOT NULL DEFAULT now())""");
		}
	}
}
