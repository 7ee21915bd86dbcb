package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Segment;

/**
 * What the MSH says about a message: who sent it, its control id, type, trigger and version.
 *
 * @param sendingApplication MSH-3.1
 * @param sendingFacility MSH-4.1
 * @param controlId MSH-10
 * @param messageType MSH-9.1 (ADT, ORU, ...)
 * @param triggerEvent MSH-9.2 (A01, R01, ...)
 * @param version MSH-12.1
 * @param messageTime MSH-7
 */
public record MessageContext(
		String sendingApplication,
		String sendingFacility,
		String controlId,
		String messageType,
		String triggerEvent,
		String version,
		String messageTime) {

	public static MessageContext of(Segment msh) {
		return new MessageContext(
				Fields.get(msh, 3),
				Fields.get(msh, 4),
				Fields.get(msh, 10),
				Fields.get(msh, 9, 1),
				Fields.get(msh, 9, 2),
				Fields.get(msh, 12, 1),
				Fields.get(msh, 7));
	}

	/** Identifier system for things this sender numbers itself (observations, acts, diagnoses). */
	public String senderSystem(String kind) {
		String sender = (sendingApplication.isBlank() ? "unknown" : sendingApplication)
				+ (sendingFacility.isBlank() ? "" : "@" + sendingFacility);
		return Hl7Systems.LOCAL_IDENTIFIER_BASE + java.net.URLEncoder.encode(sender, java.nio.charset.StandardCharsets.UTF_8) + "/" + kind;
	}
}
