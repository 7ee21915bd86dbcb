package fr.ccamhub.ledger.store;

import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import fr.ccamhub.ledger.merkle.AppendResult;
import fr.ccamhub.ledger.merkle.MerkleHashing;
import fr.ccamhub.ledger.merkle.MerkleLog;
import fr.ccamhub.ledger.merkle.TreeHead;
import fr.ccamhub.ledger.head.SignedTreeHead;
import fr.ccamhub.ledger.head.TreeHeadSigner;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves entries from the outbox into the Merkle log, a batch per transaction: lock the tree size, take the oldest
 * waiting entries, append their leaves, store the entries at their leaf indexes, sign the new head, delete them from
 * the outbox, commit. The size-row lock serialises sequencers, so several server instances may run one each.
 */
public final class LedgerSequencer {

	private static final Logger log = LoggerFactory.getLogger(LedgerSequencer.class);

	private final DataSource dataSource;
	private final TreeHeadSigner signer;
	private final int batchSize;

	public LedgerSequencer(DataSource dataSource, TreeHeadSigner signer, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
		}
		this.dataSource = dataSource;
		this.signer = signer;
		this.batchSize = batchSize;
	}

	/** Signs the head of the empty log if no head was ever signed, so that the log always has a current head. */
	public void signInitialHead() {
		inTransaction(connection -> {
			long size = JdbcTreeNodeStore.lockedSize(connection);
			if (JdbcLedgerReader.latestHead(connection).isEmpty()) {
				TreeHead head = new MerkleLog(new JdbcTreeNodeStore(connection)).head();
				if (head.size() != size) {
					throw new LedgerStoreException("the stored Merkle nodes do not match the tree size " + size);
				}
				insertHead(connection, signer.sign(head));
			}
			return 0;
		});
	}

	/** Sequences outbox entries until the outbox is empty; returns how many were appended. */
	public long drain() {
		long total = 0;
		int appended;
		do {
			appended = sequenceBatch();
			total += appended;
		} while (appended == batchSize);
		return total;
	}

	/** Sequences at most one batch of the oldest outbox entries; returns how many were appended. */
	public int sequenceBatch() {
		return inTransaction(connection -> {
			JdbcTreeNodeStore.lockedSize(connection);
			List<Long> ids = new ArrayList<>(batchSize);
			List<byte[]> entries = new ArrayList<>(batchSize);
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT id, entry FROM ccamhub_ledger_outbox ORDER BY id LIMIT ?")) {
				select.setInt(1, batchSize);
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						ids.add(rows.getLong(1));
						entries.add(rows.getBytes(2));
					}
				}
			}
			if (ids.isEmpty()) {
				return 0;
			}
			List<byte[]> leafHashes = new ArrayList<>(entries.size());
			List<fr.ccamhub.ledger.entry.LedgerEntry> decoded = new ArrayList<>(entries.size());
			for (byte[] entry : entries) {
				decoded.add(LedgerEntryCodec.decode(entry));
				leafHashes.add(MerkleHashing.leafHash(entry));
			}
			MerkleLog merkleLog = new MerkleLog(new JdbcTreeNodeStore(connection));
			AppendResult result = merkleLog.appendLeafHashes(leafHashes);
			try (PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO ccamhub_ledger_entry
					  (leaf_index, entry, resource_type, resource_id, version_id, action, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
				for (int i = 0; i < entries.size(); i++) {
					var entry = decoded.get(i);
					insert.setLong(1, result.leafIndex(i));
					insert.setBytes(2, entries.get(i));
					insert.setString(3, entry.resourceType());
					insert.setString(4, entry.resourceId());
					insert.setString(5, entry.versionId());
					insert.setString(6, entry.action().code());
					insert.setTimestamp(7, Timestamp.from(entry.recordedAt()));
					insert.addBatch();
				}
				insert.executeBatch();
			}
			try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ccamhub_ledger_outbox WHERE id = ANY (?)")) {
				Array idArray = connection.createArrayOf("bigint", ids.toArray());
				delete.setArray(1, idArray);
				delete.executeUpdate();
			}
			insertHead(connection, signer.sign(result.head()));
			return ids.size();
		});
	}

	private static void insertHead(Connection connection, SignedTreeHead head) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO ccamhub_ledger_head (tree_size, timestamp_ms, root_hash, signature, key_id)
				VALUES (?, ?, ?, ?, ?)""")) {
			insert.setLong(1, head.treeSize());
			insert.setLong(2, head.timestampMillis());
			insert.setBytes(3, head.rootHash());
			insert.setBytes(4, head.signature());
			insert.setString(5, head.keyId());
			insert.executeUpdate();
		}
	}

	private <T> T inTransaction(JdbcTransactions.SqlWork<T> work) {
		try {
			return JdbcTransactions.inTransaction(dataSource, work);
		} catch (SQLException e) {
			log.debug("ledger sequencing failed", e);
			throw new LedgerStoreException("cannot sequence ledger entries: " + e.getMessage(), e);
		}
	}
}
