package fr.ccamhub.ledger.store;

import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where a write leaves its ledger entry: a row in {@code ccamhub_ledger_outbox}, inserted on the connection of the
 * write's own transaction. The resource version and its entry commit or roll back together; the
 * {@link LedgerSequencer} later gives the entry its leaf index.
 */
public final class LedgerOutbox {

	private LedgerOutbox() {}

	public static void enqueue(Connection connection, LedgerEntry entry) {
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO ccamhub_ledger_outbox (entry, resource_type, resource_id, version_id) VALUES (?, ?, ?, ?)""")) {
			insert.setBytes(1, LedgerEntryCodec.encode(entry));
			insert.setString(2, entry.resourceType());
			insert.setString(3, entry.resourceId());
			insert.setString(4, entry.versionId());
			insert.executeUpdate();
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot record the ledger entry of " + entry.versionedReference(), e);
		}
	}
}
