package fr.ccamhub.server.audit.journal;

import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.store.LedgerOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the audit journal: the rows of concurrent requests (reads, searches, refusals) are written by one
 * thread, as many as are waiting, in one transaction with one WAL flush, and each request returns only once its row
 * and ledger entry are committed. Under load a commit carries dozens of accesses; alone, a request waits for its own
 * commit and nothing more (there is no timer to wait for).
 *
 * <p>Bounded: at most {@code capacity} rows wait; a request that cannot hand its row over, or whose commit does not
 * come, within {@code timeout} fails (and the access is refused) rather than be answered unrecorded.
 *
 * <p>It owns its data source (a pool of its own, so that it never waits for a connection held by a request waiting for
 * it) and closes it when it is closed.
 */
public final class AuditJournalGroupCommit implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(AuditJournalGroupCommit.class);

	private final DataSource dataSource;
	private final Runnable afterCommit;
	private final int maxBatch;
	private final Duration timeout;
	private final BlockingQueue<Pending> queue;
	private final Thread writer;
	private volatile boolean running = true;

	public AuditJournalGroupCommit(DataSource dataSource, Runnable afterCommit, int capacity, int maxBatch, Duration timeout) {
		this.dataSource = dataSource;
		this.afterCommit = afterCommit;
		this.maxBatch = maxBatch;
		this.timeout = timeout;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.writer = new Thread(this::writeWhileRunning, "audit-journal-writer");
		writer.setDaemon(true);
		writer.start();
	}

	/** Returns once {@code row} is committed; throws {@link AuditJournalException} when it could not be. */
	public void append(JournalRow row) {
		Pending pending = new Pending(Objects.requireNonNull(row));
		try {
			if (!running || !queue.offer(pending, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AuditJournalException("cannot record AuditEvent/" + row.id() + ": the audit journal is "
						+ (running ? "saturated (" + queue.size() + " waiting)" : "stopped"), null);
			}
			pending.committed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AuditJournalException("interrupted while recording AuditEvent/" + row.id(), e);
		} catch (TimeoutException e) {
			throw new AuditJournalException("AuditEvent/" + row.id() + " not committed within " + timeout, e);
		} catch (ExecutionException e) {
			throw new AuditJournalException("cannot record AuditEvent/" + row.id() + ": " + e.getCause().getMessage(), e.getCause());
		}
	}

	/** AuditEvents handed over and not yet taken by the writer. */
	int waiting() {
		return queue.size();
	}

	private void writeWhileRunning() {
		List<Pending> batch = new ArrayList<>(maxBatch);
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, maxBatch - 1);
				write(batch);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				running = false;
			} finally {
				batch.clear();
			}
		}
		Pending left;
		while ((left = queue.poll()) != null) {
			left.committed.completeExceptionally(new AuditJournalException("the audit journal stopped", null));
		}
	}

	private void write(List<Pending> batch) {
		List<JournalRow> rows = batch.stream().map(Pending::row).toList();
		List<LedgerEntry> entries = rows.stream().map(JournalRow::ledgerEntry).filter(Objects::nonNull).toList();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				JdbcAuditJournal.appendAll(connection, rows);
				LedgerOutbox.enqueueAll(connection, entries);
				connection.commit();
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			} finally {
				connection.setAutoCommit(true);
			}
		} catch (SQLException | RuntimeException e) {
			LOG.error("Audit journal: a batch of {} AuditEvents could not be committed; their requests fail", batch.size(), e);
			batch.forEach(pending -> pending.committed.completeExceptionally(e));
			return;
		}
		batch.forEach(pending -> pending.committed.complete(null));
		if (!entries.isEmpty()) {
			afterCommit.run();
		}
	}

	@Override
	public void close() throws Exception {
		running = false;
		writer.join(timeout.toMillis());
		if (dataSource instanceof AutoCloseable owned) {
			owned.close();
		}
	}

	private record Pending(JournalRow row, CompletableFuture<Void> committed) {
		Pending(JournalRow row) {
			this(row, new CompletableFuture<>());
		}
	}
}
