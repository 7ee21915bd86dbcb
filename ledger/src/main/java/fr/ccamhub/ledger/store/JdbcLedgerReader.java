package fr.ccamhub.ledger.store;

import fr.ccamhub.ledger.anchor.ChainAnchor;
import fr.ccamhub.ledger.head.SignedTreeHead;
import fr.ccamhub.ledger.merkle.ConsistencyProof;
import fr.ccamhub.ledger.merkle.InclusionProof;
import fr.ccamhub.ledger.merkle.StoredProofs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the ledger from PostgreSQL: heads, entries, leaf hashes and proofs for any size up to the current one. */
public final class JdbcLedgerReader {

	private static final String HEAD_COLUMNS =
			"tree_size, timestamp_ms, root_hash, signature, key_id, chain_id, contract, tx_hash, block_number";

	private final DataSource dataSource;

	public JdbcLedgerReader(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The newest signed head. */
	public Optional<StoredTreeHead> latestHead() {
		return read(JdbcLedgerReader::latestHead);
	}

	/** The signed head of exactly this size, if one was signed. */
	public Optional<StoredTreeHead> head(long treeSize) {
		return read(connection -> {
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT " + HEAD_COLUMNS + " FROM ccamhub_ledger_head WHERE tree_size = ?")) {
				select.setLong(1, treeSize);
				return firstHead(select);
			}
		});
	}

	/** The newest head anchored on chain. */
	public Optional<StoredTreeHead> latestAnchoredHead() {
		return read(connection -> {
			try (PreparedStatement select = connection.prepareStatement("SELECT " + HEAD_COLUMNS
					+ " FROM ccamhub_ledger_head WHERE tx_hash IS NOT NULL ORDER BY tree_size DESC LIMIT 1")) {
				return firstHead(select);
			}
		});
	}

	/** The entry at a leaf index, as its stored bytes. */
	public Optional<SequencedEntry> entry(long leafIndex) {
		List<SequencedEntry> entries = entries(leafIndex, leafIndex);
		return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
	}

	/** Entries with leaf index in [first, last], in order. */
	public List<SequencedEntry> entries(long first, long last) {
		return read(connection -> {
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT leaf_index, entry FROM ccamhub_ledger_entry WHERE leaf_index BETWEEN ? AND ? ORDER BY leaf_index")) {
				select.setLong(1, first);
				select.setLong(2, last);
				List<SequencedEntry> entries = new ArrayList<>();
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						entries.add(new SequencedEntry(rows.getLong(1), rows.getBytes(2)));
					}
				}
				return entries;
			}
		});
	}

	/** Leaf indexes of the entries recording a resource version (normally one), in log order. */
	public List<Long> leafIndexesOf(String resourceType, String resourceId, String versionId) {
		return read(connection -> {
			try (PreparedStatement select = connection.prepareStatement("""
					SELECT leaf_index FROM ccamhub_ledger_entry
					WHERE resource_type = ? AND resource_id = ? AND version_id = ? ORDER BY leaf_index""")) {
				select.setString(1, resourceType);
				select.setString(2, resourceId);
				select.setString(3, versionId);
				List<Long> indexes = new ArrayList<>();
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						indexes.add(rows.getLong(1));
					}
				}
				return indexes;
			}
		});
	}

	/** Whether an entry for this resource version still waits in the outbox for its leaf index. */
	public boolean isPending(String resourceType, String resourceId, String versionId) {
		return read(connection -> {
			try (PreparedStatement select = connection.prepareStatement("""
					SELECT 1 FROM ccamhub_ledger_outbox WHERE resource_type = ? AND resource_id = ? AND version_id = ?""")) {
				select.setString(1, resourceType);
				select.setString(2, resourceId);
				select.setString(3, versionId);
				try (ResultSet rows = select.executeQuery()) {
					return rows.next();
				}
			}
		});
	}

	/** Entries waiting in the outbox, and when the oldest of them was written. */
	public OutboxState outboxState() {
		return read(connection -> {
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT count(*), min(enqueued_at) FROM ccamhub_ledger_outbox");
					ResultSet row = select.executeQuery()) {
				row.next();
				Timestamp oldest = row.getTimestamp(2);
				return new OutboxState(row.getLong(1), Optional.ofNullable(oldest).map(Timestamp::toInstant));
			}
		});
	}

	/** The leaf hash stored at a leaf index (level 0 of the tree). */
	public Optional<byte[]> leafHash(long leafIndex) {
		return read(connection -> {
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT hash FROM ccamhub_ledger_node WHERE level = 0 AND idx = ?")) {
				select.setLong(1, leafIndex);
				try (ResultSet row = select.executeQuery()) {
					return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
				}
			}
		});
	}

	/**
	 * The audit path of a leaf in the tree of a size the log has reached (a signed head's size, or one checked against
	 * {@link #treeSize()}): one query, for the nodes the proof needs. A size the log has not reached fails with
	 * {@link fr.ccamhub.ledger.merkle.MissingNodeException}.
	 */
	public InclusionProof inclusionProof(long leafIndex, long treeSize) {
		return read(connection -> new StoredProofs(new JdbcTreeNodeStore(connection)).inclusionProof(leafIndex, treeSize));
	}

	/** The consistency proof between two sizes the log has reached; one query. */
	public ConsistencyProof consistencyProof(long fromSize, long toSize) {
		return read(connection -> new StoredProofs(new JdbcTreeNodeStore(connection)).consistencyProof(fromSize, toSize));
	}

	/** The root of the tree at a size the log has reached, recomputed from the stored nodes (not read from a head). */
	public byte[] rootAt(long treeSize) {
		return read(connection -> new StoredProofs(new JdbcTreeNodeStore(connection)).rootAt(treeSize));
	}

	/** The tree size the stored nodes describe. */
	public long treeSize() {
		return read(connection -> new JdbcTreeNodeStore(connection).treeSize());
	}

	static Optional<StoredTreeHead> latestHead(Connection connection) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT " + HEAD_COLUMNS + " FROM ccamhub_ledger_head ORDER BY tree_size DESC LIMIT 1")) {
			return firstHead(select);
		}
	}

	private static Optional<StoredTreeHead> firstHead(PreparedStatement select) throws SQLException {
		try (ResultSet row = select.executeQuery()) {
			if (!row.next()) {
				return Optional.empty();
			}
			SignedTreeHead head = new SignedTreeHead(row.getLong(1), row.getLong(2), row.getBytes(3), row.getBytes(4),
					row.getString(5));
			Optional<ChainAnchor> anchor = Optional.empty();
			if (row.getString(8) != null) {
				anchor = Optional.of(new ChainAnchor(head.treeSize(), head.rootHash(), head.timestampMillis(), row.getLong(6),
						row.getString(7), row.getString(8), row.getLong(9)));
			}
			return Optional.of(new StoredTreeHead(head, anchor));
		}
	}

	private <T> T read(SqlRead<T> work) {
		try (Connection connection = dataSource.getConnection()) {
			return work.run(connection);
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot read the ledger: " + e.getMessage(), e);
		}
	}

	/** Entries not yet sequenced. */
	public record OutboxState(long waiting, Optional<Instant> oldest) {}

	@FunctionalInterface
	interface SqlRead<T> {
		T run(Connection connection) throws SQLException;
	}
}
