package fr.ccamhub.dmp.outbox;

import fr.ccamhub.dmp.gate.GateDecision;
import fr.ccamhub.ledger.store.JdbcTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The DMP outbox in PostgreSQL. {@link #enqueue} runs on the connection of the transaction that stores the document,
 * so that the document and its row commit together; everything else runs in its own short transaction. Claims take
 * rows with {@code FOR UPDATE SKIP LOCKED} and a lease, so that several dispatchers (or server instances) never send
 * the same row at once, and a row whose dispatcher died is claimed again once its lease has passed — marked
 * ambiguous, since the recipient may have stored it.
 */
public final class DmpOutbox {

	private static final String COLUMNS = """
			id, kind, document_id, document_version, patient_id, master_identifier, replaces, state, hold_reason,
			hold_text, attempts, ambiguous, next_attempt_at, last_status, last_error, remote_location, created_at,
			delivered_at""";

	private final DataSource dataSource;

	public DmpOutbox(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Queues a document on the caller's connection (its transaction). A document already queued (same master
	 * identifier) is left as it is: returns false.
	 */
	public static boolean enqueue(Connection connection, QueuedDocument document, GateDecision gate) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO ccamhub_dmp_outbox
				  (kind, document_id, document_version, patient_id, master_identifier, replaces, state, hold_reason,
				   hold_text)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (master_identifier) DO NOTHING""")) {
			insert.setString(1, document.kind().name());
			insert.setString(2, document.documentId());
			insert.setString(3, document.documentVersion());
			insert.setString(4, document.patientId());
			insert.setString(5, document.masterIdentifier());
			insert.setString(6, document.replaces().orElse(null));
			insert.setString(7, (gate.allowsSending() ? OutboxState.PENDING : OutboxState.HELD).name());
			insert.setString(8, gate.reason().map(reason -> reason.code()).orElse(null));
			insert.setString(9, gate.allowsSending() ? null : gate.text());
			return insert.executeUpdate() == 1;
		}
	}

	/**
	 * Claims up to {@code limit} rows due now (waiting, or sending past their lease), oldest first, counts an attempt
	 * on each (the attempt count is also the claim's fencing token: every later update of the row checks it) and
	 * leases them for {@code lease}.
	 */
	public List<OutboxItem> claimDue(int limit, Duration lease) {
		return inTransaction(connection -> {
			try (PreparedStatement claim = connection.prepareStatement("""
					UPDATE ccamhub_dmp_outbox o
					   SET state = 'SENDING', attempts = o.attempts + 1,
					       ambiguous = o.ambiguous OR o.state = 'SENDING',
					       lease_until = now() + make_interval(secs => ?), updated_at = now()
					 WHERE o.id IN (SELECT id FROM ccamhub_dmp_outbox
					                 WHERE (state = 'PENDING' AND next_attempt_at <= now())
					                    OR (state = 'SENDING' AND lease_until < now())
					                 ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
					RETURNING""" + " " + COLUMNS)) {
				claim.setDouble(1, lease.toMillis() / 1000.0);
				claim.setInt(2, limit);
				List<OutboxItem> items = readAll(claim);
				items.sort((a, b) -> Long.compare(a.id(), b.id()));
				return items;
			}
		});
	}

	/**
	 * Extends the lease of a row this dispatcher claimed, right before it sends: false when the row is no longer its
	 * own (its lease ran out and another dispatcher claimed it: its {@code attempts}, the fencing token, changed).
	 */
	public boolean renewLease(OutboxItem item, Duration lease) {
		return inTransaction(connection -> execute(connection, """
				UPDATE ccamhub_dmp_outbox SET lease_until = now() + make_interval(secs => ?), updated_at = now()
				 WHERE id = ? AND state = 'SENDING' AND attempts = ?""", lease.toMillis() / 1000.0, item.id(),
				item.attempts()) == 1);
	}

	/** The recipient acknowledged the document. */
	public void markDelivered(OutboxItem item, Optional<Integer> status, Optional<String> remoteLocation) {
		update("""
				UPDATE ccamhub_dmp_outbox SET state = 'DELIVERED', last_status = ?, last_error = NULL,
				       remote_location = ?, lease_until = NULL, ambiguous = FALSE, delivered_at = now(), updated_at = now()
				 WHERE id = ? AND state = 'SENDING' AND attempts = ?""", status.orElse(null), remoteLocation.orElse(null),
				item.id(), item.attempts());
	}

	/**
	 * The attempt failed in a way worth retrying at {@code nextAttemptAt}; {@code ambiguous} when the recipient may
	 * have stored the document (a timeout after sending), so that the next attempt looks it up first.
	 */
	public void markRetry(OutboxItem item, Optional<Integer> status, String error, Instant nextAttemptAt,
			boolean ambiguous) {
		update("""
				UPDATE ccamhub_dmp_outbox SET state = 'PENDING', last_status = ?, last_error = ?, next_attempt_at = ?,
				       ambiguous = ambiguous OR ?, lease_until = NULL, updated_at = now()
				 WHERE id = ? AND state = 'SENDING' AND attempts = ?""", status.orElse(null), error,
				Timestamp.from(nextAttemptAt), ambiguous, item.id(), item.attempts());
	}

	/** Nothing was tried (e.g. the circuit to the recipient is open): the attempt is given back. */
	public void postpone(OutboxItem item, String error, Instant nextAttemptAt) {
		update("""
				UPDATE ccamhub_dmp_outbox SET state = 'PENDING', attempts = GREATEST(attempts - 1, 0), last_error = ?,
				       next_attempt_at = ?, lease_until = NULL, updated_at = now()
				 WHERE id = ? AND state = 'SENDING' AND attempts = ?""", error, Timestamp.from(nextAttemptAt), item.id(),
				item.attempts());
	}

	/** The sharing gate held the document back just before sending; the attempt is given back. */
	public void markHeld(OutboxItem item, GateDecision gate) {
		update("""
				UPDATE ccamhub_dmp_outbox SET state = 'HELD', attempts = GREATEST(attempts - 1, 0), hold_reason = ?,
				       hold_text = ?, lease_until = NULL, updated_at = now()
				 WHERE id = ? AND state = 'SENDING' AND attempts = ?""", gate.reason().orElseThrow().code(), gate.text(),
				item.id(), item.attempts());
	}

	/** The document cannot be delivered without a human: kept with the dead letters. */
	public void markDead(OutboxItem item, String reason, Optional<Integer> status, String detail,
			Optional<String> bundle) {
		inTransaction(connection -> {
			int updated = execute(connection, """
					UPDATE ccamhub_dmp_outbox SET state = 'DEAD', last_status = ?, last_error = ?, lease_until = NULL,
					       updated_at = now()
					 WHERE id = ? AND state = 'SENDING' AND attempts = ?""", status.orElse(null), reason, item.id(),
					item.attempts());
			if (updated == 1) {
				execute(connection, """
						INSERT INTO ccamhub_dmp_dead_letter (outbox_id, reason, http_status, detail, bundle)
						VALUES (?, ?, ?, ?, ?)""", item.id(), reason, status.orElse(null), detail, bundle.orElse(null));
			}
			return updated;
		});
	}

	/**
	 * Sends a dead letter again: its row waits for a new attempt, with its attempts counted from zero. Returns false
	 * when there is no such dead letter or it was already replayed.
	 */
	public boolean replay(long deadLetterId, String replayedBy) {
		return inTransaction(connection -> {
			Long outboxId = null;
			try (PreparedStatement mark = connection.prepareStatement("""
					UPDATE ccamhub_dmp_dead_letter SET replayed_at = now(), replayed_by = ?
					 WHERE id = ? AND replayed_at IS NULL RETURNING outbox_id""")) {
				mark.setString(1, replayedBy);
				mark.setLong(2, deadLetterId);
				try (ResultSet rows = mark.executeQuery()) {
					if (rows.next()) {
						outboxId = rows.getLong(1);
					}
				}
			}
			if (outboxId == null) {
				return false;
			}
			return execute(connection, """
					UPDATE ccamhub_dmp_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = now(),
					       updated_at = now()
					 WHERE id = ? AND state = 'DEAD'""", outboxId) == 1;
		});
	}

	/** Puts the held documents of a patient back in the queue (their gate is checked again before sending). */
	public int releaseHeld(String patientId) {
		return inTransaction(connection -> execute(connection, """
				UPDATE ccamhub_dmp_outbox SET state = 'PENDING', next_attempt_at = now(), updated_at = now()
				 WHERE patient_id = ? AND state = 'HELD'""", patientId));
	}

	public Optional<OutboxItem> find(long id) {
		return inTransaction(connection -> {
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT " + COLUMNS + " FROM ccamhub_dmp_outbox WHERE id = ?")) {
				select.setLong(1, id);
				return readAll(select).stream().findFirst();
			}
		});
	}

	/** Where the recipient keeps a delivered document, by its master identifier as shared. */
	public Optional<String> remoteLocationOf(String masterIdentifier) {
		return inTransaction(connection -> {
			try (PreparedStatement select = connection.prepareStatement("""
					SELECT remote_location FROM ccamhub_dmp_outbox
					 WHERE master_identifier = ? AND state = 'DELIVERED'""")) {
				select.setString(1, masterIdentifier);
				try (ResultSet rows = select.executeQuery()) {
					return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
				}
			}
		});
	}

	/** The rows of a document, newest first. */
	public List<OutboxItem> ofDocument(String documentId) {
		return inTransaction(connection -> {
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT " + COLUMNS + " FROM ccamhub_dmp_outbox WHERE document_id = ? ORDER BY id DESC")) {
				select.setString(1, documentId);
				return readAll(select);
			}
		});
	}

	/** Rows in a state (all states if empty), newest first. */
	public List<OutboxItem> list(Optional<OutboxState> state, int limit) {
		return inTransaction(connection -> {
			try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
					+ " FROM ccamhub_dmp_outbox WHERE (?::text IS NULL OR state = ?) ORDER BY id DESC LIMIT ?")) {
				select.setString(1, state.map(Enum::name).orElse(null));
				select.setString(2, state.map(Enum::name).orElse(null));
				select.setInt(3, limit);
				return readAll(select);
			}
		});
	}

	/** Dead letters, newest first; only those not replayed yet unless {@code includeReplayed}. */
	public List<DeadLetter> deadLetters(boolean includeReplayed, int limit) {
		return deadLetters("(? OR d.replayed_at IS NULL)", statement -> {
			statement.setBoolean(1, includeReplayed);
			statement.setInt(2, limit);
		});
	}

	/** One dead letter, replayed or not. */
	public Optional<DeadLetter> deadLetter(long id) {
		return deadLetters("d.id = ?", statement -> {
			statement.setLong(1, id);
			statement.setInt(2, 1);
		}).stream().findFirst();
	}

	private List<DeadLetter> deadLetters(String condition, SqlParameters parameters) {
		return inTransaction(connection -> {
			try (PreparedStatement select = connection.prepareStatement("""
					SELECT d.id, d.outbox_id, o.document_id, o.patient_id, o.master_identifier, d.dead_at, d.reason,
					       d.http_status, d.detail, d.bundle, d.replayed_at, d.replayed_by
					  FROM ccamhub_dmp_dead_letter d JOIN ccamhub_dmp_outbox o ON o.id = d.outbox_id
					 WHERE""" + " " + condition + " ORDER BY d.id DESC LIMIT ?")) {
				parameters.set(select);
				List<DeadLetter> letters = new ArrayList<>();
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						letters.add(new DeadLetter(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
								rows.getString(5), rows.getTimestamp(6).toInstant(), rows.getString(7),
								Optional.ofNullable((Integer) rows.getObject(8)), rows.getString(9),
								Optional.ofNullable(rows.getString(10)),
								Optional.ofNullable(rows.getTimestamp(11)).map(Timestamp::toInstant),
								Optional.ofNullable(rows.getString(12))));
					}
				}
				return letters;
			}
		});
	}

	/** How many rows wait to be delivered (pending or sending), and since when the oldest has waited. */
	public Backlog backlog() {
		return inTransaction(connection -> {
			try (PreparedStatement select = connection.prepareStatement("""
					SELECT count(*), min(created_at) FROM ccamhub_dmp_outbox WHERE state IN ('PENDING', 'SENDING')""");
					ResultSet rows = select.executeQuery()) {
				rows.next();
				return new Backlog(rows.getLong(1), Optional.ofNullable(rows.getTimestamp(2)).map(Timestamp::toInstant));
			}
		});
	}

	@FunctionalInterface
	private interface SqlParameters {
		void set(PreparedStatement statement) throws SQLException;
	}

	/** Waiting rows and the creation time of the oldest. */
	public record Backlog(long waiting, Optional<Instant> oldest) {}

	private static List<OutboxItem> readAll(PreparedStatement statement) throws SQLException {
		List<OutboxItem> items = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				items.add(new OutboxItem(rows.getLong("id"), OutboxKind.valueOf(rows.getString("kind")),
						rows.getString("document_id"), rows.getString("document_version"), rows.getString("patient_id"),
						rows.getString("master_identifier"), Optional.ofNullable(rows.getString("replaces")),
						OutboxState.valueOf(rows.getString("state")), Optional.ofNullable(rows.getString("hold_reason")),
						Optional.ofNullable(rows.getString("hold_text")), rows.getInt("attempts"),
						rows.getBoolean("ambiguous"), rows.getTimestamp("next_attempt_at").toInstant(),
						Optional.ofNullable((Integer) rows.getObject("last_status")),
						Optional.ofNullable(rows.getString("last_error")),
						Optional.ofNullable(rows.getString("remote_location")),
						rows.getTimestamp("created_at").toInstant(),
						Optional.ofNullable(rows.getTimestamp("delivered_at")).map(Timestamp::toInstant)));
			}
		}
		return items;
	}

	private void update(String sql, Object... parameters) {
		inTransaction(connection -> execute(connection, sql, parameters));
	}

	private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			return statement.executeUpdate();
		}
	}

	private <T> T inTransaction(JdbcTransactions.SqlWork<T> work) {
		try {
			return JdbcTransactions.inTransaction(dataSource, work);
		} catch (SQLException e) {
			throw new DmpOutboxException("DMP outbox: " + e.getMessage(), e);
		}
	}
}
