package fr.ccamhub.ledger.store;

import fr.ccamhub.ledger.anchor.AnchorSettings;
import fr.ccamhub.ledger.anchor.AnchoredHead;
import fr.ccamhub.ledger.anchor.ChainAnchor;
import fr.ccamhub.ledger.anchor.EvmAnchorClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the newest signed head on the chain when it is due: once {@code everyEntries} entries were appended since
 * the last anchor, or {@code every} has passed since it with at least one new entry. One instance anchors at a time:
 * the work runs under a PostgreSQL advisory lock held by its transaction, and the anchor is recorded on the head's row
 * in that transaction. Without a configured contract address, the first anchoring deploys the contract and the
 * ledger remembers its address per chain.
 */
public final class LedgerAnchoring implements AutoCloseable {

	/** Advisory lock key: "ccamhub-ledger-anchor" as a number, shared by every instance. */
	static final long ANCHOR_LOCK_KEY = 0x6363616d6c656467L;

	private static final Logger log = LoggerFactory.getLogger(LedgerAnchoring.class);

	private final DataSource dataSource;
	private final AnchorSettings settings;
	private final long everyEntries;
	private final Duration every;
	private final Clock clock;
	private volatile EvmAnchorClient client;

	public LedgerAnchoring(DataSource dataSource, AnchorSettings settings, long everyEntries, Duration every, Clock clock) {
		if (everyEntries < 1) {
			throw new IllegalArgumentException("everyEntries must be at least 1, was " + everyEntries);
		}
		this.dataSource = dataSource;
		this.settings = settings;
		this.everyEntries = everyEntries;
		this.every = every;
		this.clock = clock;
	}

	/** Anchors the newest head if due and no other instance is anchoring; returns the new anchor if one was made. */
	public Optional<ChainAnchor> anchorIfDue() {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				Optional<ChainAnchor> anchored = anchorIfDue(connection);
				connection.commit();
				return anchored;
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			} finally {
				connection.setAutoCommit(true);
			}
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot anchor the ledger: " + e.getMessage(), e);
		}
	}

	/** What the chain holds for a tree size, read from the contract this ledger anchors to. */
	public Optional<AnchoredHead> onChain(long treeSize) {
		try (Connection connection = dataSource.getConnection()) {
			return knownClient(connection).flatMap(known -> known.read(treeSize));
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot read the anchor contract address: " + e.getMessage(), e);
		}
	}

	/** The largest tree size the contract holds, read from the chain; 0 while nothing (or no contract) exists. */
	public long latestAnchoredSize() {
		try (Connection connection = dataSource.getConnection()) {
			return knownClient(connection).map(EvmAnchorClient::latestTreeSize).orElse(0L);
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot read the anchor contract address: " + e.getMessage(), e);
		}
	}

	public long chainId() {
		return settings.chainId();
	}

	private Optional<ChainAnchor> anchorIfDue(Connection connection) throws SQLException {
		if (!tryLock(connection)) {
			return Optional.empty();
		}
		Optional<StoredTreeHead> latest = JdbcLedgerReader.latestHead(connection);
		if (latest.isEmpty() || latest.get().treeSize() == 0 || latest.get().anchor().isPresent()) {
			return Optional.empty();
		}
		Optional<LastAnchor> last = lastAnchor(connection);
		long size = latest.get().treeSize();
		boolean due = last.isEmpty()
				|| size - last.get().treeSize() >= everyEntries
				|| (size > last.get().treeSize() && !last.get().anchoredAt().plus(every).isAfter(clock.instant()));
		if (!due) {
			return Optional.empty();
		}
		var head = latest.get().head();
		ChainAnchor anchor = client(connection).anchor(head.treeSize(), head.rootHash(), head.timestampMillis());
		try (PreparedStatement update = connection.prepareStatement("""
				UPDATE ccamhub_ledger_head SET chain_id = ?, contract = ?, tx_hash = ?, block_number = ?, anchored_at = ?
				WHERE tree_size = ?""")) {
			update.setLong(1, anchor.chainId());
			update.setString(2, anchor.contractAddress());
			update.setString(3, anchor.transactionHash());
			update.setLong(4, anchor.blockNumber());
			update.setTimestamp(5, Timestamp.from(clock.instant()));
			update.setLong(6, head.treeSize());
			update.executeUpdate();
		}
		log.info("Ledger tree head of size {} anchored on chain {}: contract {}, transaction {}, block {}", head.treeSize(),
				anchor.chainId(), anchor.contractAddress(), anchor.transactionHash(), anchor.blockNumber());
		return Optional.of(anchor);
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
			lock.setLong(1, ANCHOR_LOCK_KEY);
			try (ResultSet row = lock.executeQuery()) {
				row.next();
				return row.getBoolean(1);
			}
		}
	}

	private static Optional<LastAnchor> lastAnchor(Connection connection) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("""
				SELECT tree_size, anchored_at FROM ccamhub_ledger_head WHERE tx_hash IS NOT NULL
				ORDER BY tree_size DESC LIMIT 1""");
				ResultSet row = select.executeQuery()) {
			return row.next() ? Optional.of(new LastAnchor(row.getLong(1), row.getTimestamp(2).toInstant())) : Optional.empty();
		}
	}

	/** The client for the configured contract, or for the one this ledger deployed (deploying it on first use). */
	private EvmAnchorClient client(Connection connection) throws SQLException {
		Optional<EvmAnchorClient> known = knownClient(connection);
		if (known.isPresent()) {
			return known.get();
		}
		String contract;
		try (EvmAnchorClient deployer = new EvmAnchorClient(settings)) {
			deployer.verifyChainId();
			contract = deployer.deployContract();
		}
		// Remembered at once, on its own connection: an anchoring that fails later must not forget the contract.
		try (Connection own = dataSource.getConnection();
				PreparedStatement insert = own.prepareStatement("INSERT INTO ccamhub_ledger_contract (chain_id, contract) VALUES (?, ?)")) {
			insert.setLong(1, settings.chainId());
			insert.setString(2, contract);
			insert.executeUpdate();
		}
		log.info("Deployed the TreeHeadAnchor contract at {} on chain {}", contract, settings.chainId());
		return open(contract);
	}

	/** The client of the configured or already deployed contract; empty while no contract exists. */
	private Optional<EvmAnchorClient> knownClient(Connection connection) throws SQLException {
		if (client != null) {
			return Optional.of(client);
		}
		String contract = settings.contractAddress();
		if (contract == null || contract.isBlank()) {
			contract = deployedContract(connection).orElse(null);
		}
		return contract == null ? Optional.empty() : Optional.of(open(contract));
	}

	private synchronized EvmAnchorClient open(String contract) {
		if (client == null) {
			EvmAnchorClient created = new EvmAnchorClient(settings.withContractAddress(contract));
			created.verifyChainId();
			client = created;
		}
		return client;
	}

	/** The contract anchors go to, once known. */
	public Optional<String> contractAddress() {
		try (Connection connection = dataSource.getConnection()) {
			String configured = settings.contractAddress();
			return configured != null && !configured.isBlank() ? Optional.of(configured) : deployedContract(connection);
		} catch (SQLException e) {
			throw new LedgerStoreException("cannot read the anchor contract address: " + e.getMessage(), e);
		}
	}

	private Optional<String> deployedContract(Connection connection) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT contract FROM ccamhub_ledger_contract WHERE chain_id = ?")) {
			select.setLong(1, settings.chainId());
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
			}
		}
	}

	@Override
	public void close() {
		EvmAnchorClient current = client;
		if (current != null) {
			current.close();
		}
	}

	private record LastAnchor(long treeSize, Instant anchoredAt) {}
}
