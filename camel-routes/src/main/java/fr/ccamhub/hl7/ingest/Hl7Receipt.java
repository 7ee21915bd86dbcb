package fr.ccamhub.hl7.ingest;

/**
 * What came back for one received message.
 *
 * @param ack the acknowledgement to send (HL7 text)
 * @param charset the character set the message came in, in which the ACK is sent back
 * @param code AA, AE or AR
 * @param sendingApplication MSH-3 as read
 * @param sendingFacility MSH-4 as read
 * @param controlId MSH-10 as read
 * @param reason why it was not accepted (null for AA)
 * @param errorLocation segment/field of the problem (null for AA)
 * @param replayOfEarlier true when this is the stored ACK of a message already processed
 */
public record Hl7Receipt(
		String ack,
		java.nio.charset.Charset charset,
		String code,
		String sendingApplication,
		String sendingFacility,
		String controlId,
		String reason,
		String errorLocation,
		boolean replayOfEarlier) {

	public byte[] ackBytes() {
		return ack.getBytes(charset);
	}

	public boolean accepted() {
		return "AA".equals(code);
	}
}
