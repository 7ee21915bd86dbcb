package fr.ccamhub.hl7.ingest;

import fr.ccamhub.hl7.mapping.MappedMessage;
import java.util.Optional;

/**
 * Durable side of ingestion: the FHIR transaction and the message log commit together, so a
 * message is either stored with its ACK recorded or not stored at all.
 */
public interface Hl7Store {

	/**
	 * The ACK sent for this message if it was already stored: same sender, facility, control id
	 * and content (a sender that reuses a control id for another message is not replaying it).
	 */
	Optional<String> acknowledgementOf(String sendingApplication, String sendingFacility, String controlId, String contentHash);

	/**
	 * Stores the message's FHIR transaction and records its ACK, atomically.
	 *
	 * @return the ACK to send: {@code ack}, or the one recorded by a concurrent duplicate
	 */
	String store(MappedMessage message, String contentHash, String ack);

	/** Keeps a refused message with why, for review and replay. */
	void quarantine(Hl7Receipt receipt, byte[] rawMessage, String remoteAddress);
}
