package fr.ccamhub.server.audit.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads and appends journal rows over JDBC. Appends go on the connection they are given (the caller decides the
 * transaction); reads take a pooled connection of their own.
 */
public final class JdbcAuditJournal {

	private final DataSource dataSource;

	public JdbcAuditJournal(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	private static final String INSERT = """
			INSERT INTO ccamhub_audit_event (id, recorded, action, outcome, type_tokens, subtype_tokens, patient_refs,
			  entity_refs, entity_names, agent_refs, resource)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	public static void append(Connection connection, String id, AuditEventColumns columns, String resourceJson)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			bind(connection, insert, id, columns, resourceJson);
			insert.executeUpdate();
		}
	}

	/** Several rows in one round trip (a JDBC batch), on the caller's transaction. */
	public static void appendAll(Connection connection, List<JournalRow> rows) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			for (JournalRow row : rows) {
				bind(connection, insert, row.id(), row.columns(), row.json());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static void bind(Connection connection, PreparedStatement insert, String id, AuditEventColumns columns,
			String resourceJson) throws SQLException {
		insert.setString(1, id);
		insert.setTimestamp(2, Timestamp.from(columns.recorded()));
		insert.setString(3, columns.action());
		insert.setString(4, columns.outcome());
		insert.setArray(5, connection.createArrayOf("text", columns.typeTokens().toArray()));
		insert.setArray(6, connection.createArrayOf("text", columns.subtypeTokens().toArray()));
		insert.setArray(7, connection.createArrayOf("text", columns.patientRefs().toArray()));
		insert.setArray(8, connection.createArrayOf("text", columns.entityRefs().toArray()));
		insert.setArray(9, connection.createArrayOf("text", columns.entityNames().toArray()));
		insert.setArray(10, connection.createArrayOf("text", columns.agentRefs().toArray()));
		insert.setString(11, resourceJson);
	}

	/** The stored JSON of one AuditEvent. */
	public Optional<String> find(String id) {
		return query("SELECT resource FROM ccamhub_audit_event WHERE id = ?", List.of(id), 0, 1).stream().findFirst();
	}

	public int count(AuditJournalQuery query) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM ccamhub_audit_event" + query.where())) {
			bind(select, query.parameters());
			try (ResultSet rows = select.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		} catch (SQLException e) {
			throw new AuditJournalException("cannot count AuditEvents: " + e.getMessage(), e);
		}
	}

	/** The stored JSON of the matching AuditEvents from offset, at most limit of them, in the query's order. */
	public List<String> search(AuditJournalQuery query, int offset, int limit) {
		return query("SELECT resource FROM ccamhub_audit_event" + query.where() + query.orderBy() + " OFFSET ? LIMIT ?",
				query.parameters(), offset, limit);
	}

	private List<String> query(String sql, List<Object> parameters, int offset, int limit) {
		boolean paged = sql.endsWith("LIMIT ?");
		try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
			bind(select, parameters);
			if (paged) {
				select.setInt(parameters.size() + 1, offset);
				select.setInt(parameters.size() + 2, limit);
			}
			List<String> resources = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					resources.add(rows.getString(1));
				}
			}
			return resources;
		} catch (SQLException e) {
			throw new AuditJournalException("cannot read AuditEvents: " + e.getMessage(), e);
		}
	}

	private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			Object value = parameters.get(i);
			if (value instanceof String[] values) {
				statement.setArray(i + 1, statement.getConnection().createArrayOf("text", values));
			} else {
				statement.setObject(i + 1, value);
			}
		}
	}
}
