package fr.ccamhub.dmp.delivery;

import fr.ccamhub.dmp.outbox.DmpSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A real PostgreSQL for the outbox tests, with a fresh database and DMP schema per test. */
final class DmpDatabase {

	private static final AtomicInteger DATABASES = new AtomicInteger();
	private static EmbeddedPostgres postgres;

	private DmpDatabase() {}

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
		String name = "dmp_" + DATABASES.incrementAndGet();
		try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
			sql.execute("CREATE DATABASE " + name);
		}
		DataSource dataSource = postgres.getDatabase("postgres", name);
		try (Connection connection = dataSource.getConnection()) {
			DmpSchema.create(connection);
		}
		return dataSource;
	}
}
