package fr.ccamhub.ledger.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A real PostgreSQL for the ledger's store tests, with a fresh database and ledger schema per test. */
final class LedgerDatabase {

	private static final AtomicInteger DATABASES = new AtomicInteger();
	private static EmbeddedPostgres postgres;

	private LedgerDatabase() {}

	static synchronized DataSource fresh() throws IOException, SQLException {
		if (postgres == null) {
			postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				} catch (IOException e) {
					// the JVM is exiting
				}
			}));
		}
		String name = "ledger_" + DATABASES.incrementAndGet();
		try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE " + name);
		}
		DataSource dataSource = postgres.getDatabase("postgres", name);
		try (Connection connection = dataSource.getConnection()) {
			LedgerSchema.create(connection);
		}
		return dataSource;
	}

	static void execute(DataSource dataSource, String statement) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}
}
