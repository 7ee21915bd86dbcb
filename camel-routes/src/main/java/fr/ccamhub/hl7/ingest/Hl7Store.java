package fr.ccamhub.hl7.ingest;

import fr.ccamhub.hl7.mapping.MappedMessage;
import java.util.Optional;

/**
 * Durable side of ingestion: the FHIR transaction and the message log commit together, so a
 * message is either stored with its ACK recorded or not stored at all.
 */
public interface Hl7Store {

	/** The ACK sent for this sender's message control id, if it was already stored. */
	Optional<String> acknowledgementOf(String sendingApplication, String sendingFacility, String controlId);

	/**
	 * Stores the message's FHIR transaction and records its ACK, atomically.
	 *
	 * @return the ACK to send: {@code ack}, or the one recorded by a concurrent duplicate
	 */
	String store(MappedMessage message, String ack, byte[] rawMessage);

	/** Keeps a refused message with why, for review and replay. */
	void quarantine(Hl7Receipt receipt, byte[] rawMessage, String remoteAddress);
}
