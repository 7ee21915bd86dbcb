package fr.ccamhub.ledger.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One short JDBC transaction on a pooled connection, for the stores that keep Spring out (ledger, DMP outbox):
 * commit when the work returns, roll back when it throws, and give the connection back as it was.
 */
public final class JdbcTransactions {

	private JdbcTransactions() {}

	/** Work on a connection inside a transaction. */
	@FunctionalInterface
	public interface SqlWork<T> {
		T run(Connection connection) throws SQLException;
	}

	public static <T> T inTransaction(DataSource dataSource, SqlWork<T> work) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			} catch (SQLException | RuntimeException e) {
				connection.rollback();
				throw e;
			} finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}
}
