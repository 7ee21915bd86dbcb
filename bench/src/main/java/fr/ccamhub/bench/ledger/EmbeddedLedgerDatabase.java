package fr.ccamhub.bench.ledger;

import com.zaxxer.hikari.HikariDataSource;
import fr.ccamhub.ledger.store.LedgerSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A throw-away embedded PostgreSQL (zonky, binaries from Maven) holding one database with the ledger schema, pooled
 * by HikariCP as the server pools its own. Durable by default, like the server's embedded database (fsync and
 * synchronous commit on); the library's test defaults (neither) on request. Its data directory is deleted on close.
 */
final class EmbeddedLedgerDatabase implements AutoCloseable {

	private static final String DATABASE = "ledger_bench";

	private final EmbeddedPostgres postgres;
	private final HikariDataSource pool;

	private EmbeddedLedgerDatabase(EmbeddedPostgres postgres, HikariDataSource pool) {
		this.postgres = postgres;
		this.pool = pool;
	}

	/**
	 * @param durable fsync and synchronous commit on, as in the server; off, as in the library's test defaults
	 * @param sharedBuffers PostgreSQL's {@code shared_buffers}, e.g. {@code 128MB} (its default, and the server's)
	 */
	static EmbeddedLedgerDatabase start(boolean durable, String sharedBuffers) throws IOException, SQLException {
		String onOrOff = durable ? "on" : "off";
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", onOrOff)
				.setServerConfig("synchronous_commit", onOrOff)
				.setServerConfig("shared_buffers", sharedBuffers)
				.start();
		try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE " + DATABASE);
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("ledger-bench");
		pool.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(4);
		try (Connection connection = pool.getConnection()) {
			LedgerSchema.create(connection);
		}
		return new EmbeddedLedgerDatabase(postgres, pool);
	}

	/** Connections from the pool, as the server's sequencer and reader get them. */
	DataSource pooled() {
		return pool;
	}

	/** A new PostgreSQL connection (and backend process) per {@code getConnection()}. */
	DataSource unpooled() {
		return postgres.getDatabase("postgres", DATABASE);
	}

	/** The server version and the durability settings in force, e.g. {@code PostgreSQL 17.6, fsync=on, synchronous_commit=on}. */
	String describe() throws SQLException {
		return "PostgreSQL " + show("server_version") + " (embedded), fsync=" + show("fsync") + ", synchronous_commit="
				+ show("synchronous_commit") + ", shared_buffers=" + show("shared_buffers");
	}

	/** Size on disk of a table with its indexes and TOAST. */
	long tableBytes(String table) throws SQLException {
		try (Connection connection = pool.getConnection();
				PreparedStatement select = connection.prepareStatement("SELECT pg_total_relation_size(?::regclass)")) {
			select.setString(1, table);
			try (ResultSet row = select.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/**
	 * What autovacuum and the checkpointer would do in the background after a large load, done now: VACUUM ANALYZE (the
	 * planner learns the tables' sizes) and CHECKPOINT (the loaded pages are written out), so that later reads are not
	 * timed against that background work.
	 */
	void settleAfterLoad() throws SQLException {
		try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("VACUUM ANALYZE");
			sql.execute("CHECKPOINT");
		}
	}

	private String show(String setting) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement();
				ResultSet row = sql.executeQuery("SHOW " + setting)) {
			row.next();
			return row.getString(1);
		}
	}

	@Override
	public void close() throws IOException {
		pool.close();
		postgres.close();
	}
}
