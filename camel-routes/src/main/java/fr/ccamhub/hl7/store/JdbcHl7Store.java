package fr.ccamhub.hl7.store;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import fr.ccamhub.hl7.ingest.Hl7Receipt;
import fr.ccamhub.hl7.ingest.Hl7Store;
import fr.ccamhub.hl7.mapping.MappedMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL side of ingestion. The message log row (sender, facility, control id, ACK) and the
 * FHIR transaction commit in one database transaction: after a crash either both exist or
 * neither, so a resent message is either answered with its recorded ACK or stored for the first
 * time. Two concurrent deliveries of one message serialise on the log's primary key.
 */
public class JdbcHl7Store implements Hl7Store {

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final IFhirSystemDao<Bundle, Meta> systemDao;

	public JdbcHl7Store(JdbcTemplate jdbc, TransactionTemplate transactions, IFhirSystemDao<Bundle, Meta> systemDao) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.systemDao = systemDao;
	}

	@Override
	public Optional<String> acknowledgementOf(String application, String facility, String controlId, String contentHash) {
		List<String> acks = jdbc.queryForList("""
				SELECT ack FROM ccamhub_hl7_message
				WHERE sending_application = ? AND sending_facility = ? AND control_id = ? AND content_sha256 = ?""",
				String.class, application, facility, controlId, contentHash);
		return acks.stream().findFirst();
	}

	@Override
	public String store(MappedMessage message, String contentHash, String ack) {
		return transactions.execute(tx -> {
			int inserted = jdbc.update("""
					INSERT INTO ccamhub_hl7_message
					  (sending_application, sending_facility, control_id, content_sha256, message_type, received_at, ack)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (sending_application, sending_facility, control_id, content_sha256) DO NOTHING""",
					message.context().sendingApplication(), message.context().sendingFacility(), message.context().controlId(),
					contentHash, message.context().messageType() + "^" + message.context().triggerEvent(),
					Timestamp.from(Instant.now()), ack);
			if (inserted == 0) {
				return acknowledgementOf(message.context().sendingApplication(), message.context().sendingFacility(),
						message.context().controlId(), contentHash).orElseThrow();
			}
			systemDao.transactionNested(new SystemRequestDetails(), message.transaction());
			return ack;
		});
	}

	@Override
	public void quarantine(Hl7Receipt receipt, byte[] rawMessage, String remoteAddress) {
		jdbc.update("""
				INSERT INTO ccamhub_hl7_quarantine
				  (received_at, remote_address, sending_application, sending_facility, control_id, ack_code, error_location,
				   reason, ack, message)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				Timestamp.from(Instant.now()), remoteAddress, receipt.sendingApplication(), receipt.sendingFacility(),
				receipt.controlId(), receipt.code(), receipt.errorLocation(), receipt.reason(), receipt.ack(), rawMessage);
	}

}
