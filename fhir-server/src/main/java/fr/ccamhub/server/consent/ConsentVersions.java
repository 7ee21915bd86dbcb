package fr.ccamhub.server.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter per patient, raised in the transaction of every write of one of their Consents
 * ({@code ccamhub_consent_version}). Caches of consent decisions compare it before trusting what they hold: one
 * primary-key read instead of a Consent search, and a revocation committed on any replica is seen by the next
 * request on every replica. Both reads and raises use the current transaction's connection when there is one, so a
 * transaction sees its own Consent writes.
 */
public final class ConsentVersions {

	private static final Object CHANGED = ConsentVersions.class.getName() + ".changed";

	private final DataSource dataSource;

	public ConsentVersions(DataSource dataSource) throws SQLException {
		this.dataSource = dataSource;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE IF NOT EXISTS ccamhub_consent_version (
					  patient_id VARCHAR(64) PRIMARY KEY,
					  version BIGINT NOT NULL)""");
		}
	}

	/** The patient's counter; 0 when none of their Consents was written since the table exists. */
	public long current(String patientId) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT version FROM ccamhub_consent_version WHERE patient_id = ?")) {
			select.setString(1, patientId);
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? row.getLong(1) : 0L;
			}
		} catch (SQLException e) {
			throw new IllegalStateException("cannot read the consent version of Patient/" + patientId + ": " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** Whether the current transaction wrote a Consent: what it reads must not be cached, it may yet roll back. */
	public static boolean changedInCurrentTransaction() {
		return TransactionSynchronizationManager.hasResource(CHANGED);
	}

	/** Raises the patient's counter, in the current transaction. */
	public void raise(String patientId) {
		if (TransactionSynchronizationManager.isSynchronizationActive() && !changedInCurrentTransaction()) {
			TransactionSynchronizationManager.bindResource(CHANGED, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CHANGED);
				}
			});
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (PreparedStatement upsert = connection.prepareStatement("""
				INSERT INTO ccamhub_consent_version (patient_id, version) VALUES (?, 1)
				ON CONFLICT (patient_id) DO UPDATE SET version = ccamhub_consent_version.version + 1""")) {
			upsert.setString(1, patientId);
			upsert.executeUpdate();
		} catch (SQLException e) {
			throw new IllegalStateException("cannot raise the consent version of Patient/" + patientId + ": " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}
}
