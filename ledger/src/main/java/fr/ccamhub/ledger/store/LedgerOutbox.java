package fr.ccamhub.ledger.store;

import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a write leaves its ledger entry: a row in {@code ccamhub_ledger_outbox}, inserted on the connection of the
 * write's own transaction. The resource version and its entry commit or roll back together; the
 * {@link LedgerSequencer} later gives the entry its leaf index.
 */
public final class LedgerOutbox {

	private LedgerOutbox() {}

	private static final String INSERT = """
			INSERT INTO ccamhub_ledger_outbox (entry, resource_type, resource_id, version_id) VALUES (?, ?, ?, ?)""";

	public static void enqueue(Connection connection, LedgerEntry entry) {
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			bind(insert, entry);
			insert.executeUpdate();
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot record the ledger entry of " + entry.versionedReference(), e);
		}
	}

	/** Several entries in one round trip (a JDBC batch), in their order, on the caller's transaction. */
	public static void enqueueAll(Connection connection, List<LedgerEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (LedgerEntry entry : entries) {
				bind(insert, entry);
				insert.addBatch();
			}
			insert.executeBatch();
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot record " + entries.size() + " ledger entries, the first of "
					+ entries.get(0).versionedReference(), e);
		}
	}

	private static void bind(PreparedStatement insert, LedgerEntry entry) throws SQLException {
		insert.setBytes(1, LedgerEntryCodec.encode(entry));
		insert.setString(2, entry.resourceType());
		insert.setString(3, entry.resourceId());
		insert.setString(4, entry.versionId());
	}
}
