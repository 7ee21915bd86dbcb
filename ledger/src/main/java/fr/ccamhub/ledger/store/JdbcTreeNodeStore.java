package fr.ccamhub.ledger.store;

import fr.ccamhub.ledger.merkle.ConcurrentAppendException;
import fr.ccamhub.ledger.merkle.MissingNodeException;
import fr.ccamhub.ledger.merkle.NodeId;
import fr.ccamhub.ledger.merkle.TreeNode;
import fr.ccamhub.ledger.merkle.TreeNodeStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle nodes in PostgreSQL ({@code ccamhub_ledger_node}), read and written on one connection whose transaction
 * the caller owns: {@link #append} locks the size row, checks it, inserts the nodes and moves the size, and all of it
 * becomes visible at the caller's commit.
 */
public final class JdbcTreeNodeStore implements TreeNodeStore {

	private final Connection connection;

	public JdbcTreeNodeStore(Connection connection) {
		this.connection = connection;
	}

	@Override
	public long treeSize() {
		try (PreparedStatement select = connection.prepareStatement("SELECT tree_size FROM ccamhub_ledger_size");
				ResultSet row = select.executeQuery()) {
			if (!row.next()) {
				throw new LedgerStoreException("the ledger size row is missing: was the schema created?");
			}
			return row.getLong(1);
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot read the ledger size", e);
		}
	}

	@Override
	public List<byte[]> read(List<NodeId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<NodeId, byte[]> found = new HashMap<>();
		try (PreparedStatement select = connection.prepareStatement("""
				SELECT n.level, n.idx, n.hash
				FROM ccamhub_ledger_node n
				JOIN unnest(?::smallint[], ?::bigint[]) AS wanted(level, idx) ON n.level = wanted.level AND n.idx = wanted.idx""")) {
			Short[] levels = new Short[ids.size()];
			Long[] indexes = new Long[ids.size()];
			for (int i = 0; i < ids.size(); i++) {
				levels[i] = (short) ids.get(i).level();
				indexes[i] = ids.get(i).index();
			}
			Array levelArray = connection.createArrayOf("smallint", levels);
			Array indexArray = connection.createArrayOf("bigint", indexes);
			select.setArray(1, levelArray);
			select.setArray(2, indexArray);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					found.put(new NodeId(rows.getShort(1), rows.getLong(2)), rows.getBytes(3));
				}
			}
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot read Merkle nodes", e);
		}
		List<byte[]> hashes = new ArrayList<>(ids.size());
		for (NodeId id : ids) {
			byte[] hash = found.get(id);
			if (hash == null) {
				throw new MissingNodeException(id, treeSize());
			}
			hashes.add(hash);
		}
		return hashes;
	}

	@Override
	public void append(long expectedSize, List<TreeNode> nodes, long newSize) {
		try {
			long stored = lockedSize(connection);
			if (stored != expectedSize) {
				throw new ConcurrentAppendException(expectedSize, stored);
			}
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO ccamhub_ledger_node (level, idx, hash) VALUES (?, ?, ?)")) {
				for (TreeNode node : nodes) {
					insert.setShort(1, (short) node.id().level());
					insert.setLong(2, node.id().index());
					insert.setBytes(3, node.hash());
					insert.addBatch();
				}
				insert.executeBatch();
			}
			try (PreparedStatement update = connection.prepareStatement("UPDATE ccamhub_ledger_size SET tree_size = ?")) {
				update.setLong(1, newSize);
				update.executeUpdate();
			}
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot append Merkle nodes", e);
		}
	}

	/** Locks the size row until the end of the connection's transaction and returns the size. */
	static long lockedSize(Connection connection) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("SELECT tree_size FROM ccamhub_ledger_size FOR UPDATE");
				ResultSet row = select.executeQuery()) {
			if (!row.next()) {
				throw new LedgerStoreException("the ledger size row is missing: was the schema created?");
			}
			return row.getLong(1);
		}
	}
}
