package fr.ccamhub.server.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.ccamhub.ledger.entry.LedgerAction;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.store.LedgerSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit on a real PostgreSQL: concurrent AuditEvents share commits, and none is acknowledged unless stored. */
class AuditJournalGroupCommitTest {

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void startPostgres() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			AuditJournalSchema.create(connection);
			LedgerSchema.create(connection);
		}
	}

	@AfterAll
	static void stopPostgres() throws Exception {
		postgres.close();
	}

	@BeforeEach
	void emptyTables() throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM ccamhub_audit_event");
			statement.execute("DELETE FROM ccamhub_ledger_outbox");
		}
	}

	@Test
	void requestsWaitingTogetherShareOneCommitAndEachIsStoredWithItsLedgerEntry() throws Exception {
		CountDownLatch othersQueued = new CountDownLatch(1);
		AtomicInteger connections = new AtomicInteger();
		// The first batch's connection is held until the seven other requests wait: they must then go in one commit.
		DataSource gated = new GatedDataSource(postgres.getPostgresDatabase(), () -> {
			if (connections.getAndIncrement() == 0) {
				awaitLatch(othersQueued);
			}
		});
		AtomicInteger commits = new AtomicInteger();
		try (AuditJournalGroupCommit journal = new AuditJournalGroupCommit(gated, commits::incrementAndGet, 100, 50,
				Duration.ofSeconds(30))) {
			ExecutorService requests = Executors.newFixedThreadPool(8);
			List<Future<?>> answered = new ArrayList<>();
			answered.add(requests.submit(() -> journal.append(row())));
			while (connections.get() == 0) {
				Thread.onSpinWait();
			}
			for (int i = 0; i < 7; i++) {
				answered.add(requests.submit(() -> journal.append(row())));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> journal.waiting() == 7);
			othersQueued.countDown();
			for (Future<?> request : answered) {
				request.get(30, TimeUnit.SECONDS);
			}
			requests.shutdown();
		}

		assertThat(count("ccamhub_audit_event")).isEqualTo(8);
		assertThat(count("ccamhub_ledger_outbox")).isEqualTo(8);
		assertThat(commits.get()).isEqualTo(2);
	}

	@Test
	void aBatchThatCannotBeCommittedFailsEveryRequestInItAndStoresNothing() throws Exception {
		try (AuditJournalGroupCommit journal = new AuditJournalGroupCommit(postgres.getPostgresDatabase(), () -> {}, 100, 50,
				Duration.ofSeconds(30))) {
			JournalRow row = row();
			journal.append(row);

			assertThatThrownBy(() -> journal.append(row))
					.isInstanceOf(AuditJournalException.class)
					.hasMessageContaining("AuditEvent/" + row.id());
		}
		assertThat(count("ccamhub_audit_event")).isEqualTo(1);
	}

	@Test
	void aRequestIsRefusedWhenItsCommitDoesNotComeInTime() throws Exception {
		CountDownLatch never = new CountDownLatch(1);
		DataSource stuck = new GatedDataSource(postgres.getPostgresDatabase(), () -> awaitLatch(never));
		AuditJournalGroupCommit journal = new AuditJournalGroupCommit(stuck, () -> {}, 1, 1, Duration.ofMillis(300));
		try {
			assertThatThrownBy(() -> journal.append(row()))
					.isInstanceOf(AuditJournalException.class)
					.hasMessageContaining("not committed within");
		} finally {
			never.countDown();
			journal.close();
		}
	}

	private static JournalRow row() {
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		return new JournalRow(id, new AuditEventColumns(now, "R", "0", List.of("rest"), List.of("read"), List.of("Patient/1"),
				List.of("Patient/1"), List.of(), List.of()), "{\"resourceType\":\"AuditEvent\",\"id\":\"" + id + "\"}",
				new LedgerEntry("AuditEvent", id, "1", new byte[32], LedgerAction.CREATE, "system|ccamhub", now));
	}

	private static int count(String table) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** A data source that runs {@code beforeEachConnection} before handing out a connection. */
	private record GatedDataSource(DataSource delegate, Runnable beforeEachConnection) implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			beforeEachConnection.run();
			return delegate.getConnection();
		}

		@Override
		public Connection getConnection(String user, String password) throws SQLException {
			beforeEachConnection.run();
			return delegate.getConnection(user, password);
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return delegate.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			delegate.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			delegate.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return delegate.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return delegate.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return delegate.isWrapperFor(type);
		}
	}
}
