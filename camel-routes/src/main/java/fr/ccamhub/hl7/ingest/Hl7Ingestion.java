package fr.ccamhub.hl7.ingest;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import fr.ccamhub.hl7.ack.AckBuilder;
import fr.ccamhub.hl7.mapping.Hl7Rejection;
import fr.ccamhub.hl7.mapping.Hl7ToFhirMapper;
import fr.ccamhub.hl7.mapping.MappedMessage;
import fr.ccamhub.hl7.mapping.MessageContext;
import fr.ccamhub.hl7.parse.Hl7Decoder;
import fr.ccamhub.hl7.parse.Hl7Parser;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One received HL7 v2 message, from bytes to acknowledgement: decode, parse (AR if impossible),
 * check sender and version (AR), answer a replayed message (same sender, control id and content)
 * with its original ACK, map (AE with
 * the faulty segment/field), store in one transaction, and only then answer AA. Refused messages
 * go to quarantine with their reason.
 */
public final class Hl7Ingestion {

	private static final Logger log = LoggerFactory.getLogger(Hl7Ingestion.class);

	private final Hl7Parser parser;
	private final AckBuilder acks;
	private final Hl7ToFhirMapper mapper;
	private final Hl7Store store;
	private final BiPredicate<String, String> allowedSender;

	/**
	 * @param allowedSender whether (sending application, sending facility) may send to this listener
	 */
	public Hl7Ingestion(Hl7Parser parser, Hl7ToFhirMapper mapper, Hl7Store store, BiPredicate<String, String> allowedSender) {
		this.parser = parser;
		this.acks = new AckBuilder(parser);
		this.mapper = mapper;
		this.store = store;
		this.allowedSender = allowedSender;
	}

	public Hl7Receipt receive(byte[] frame, String remoteAddress) {
		return receive(frame, remoteAddress, true);
	}

	/**
	 * @param quarantineRefusals false when replaying a message that is already in quarantine
	 */
	public Hl7Receipt receive(byte[] frame, String remoteAddress, boolean quarantineRefusals) {
		Hl7Decoder.Decoded decoded = Hl7Decoder.decode(frame);
		Refusals refusals = new Refusals(frame, remoteAddress, quarantineRefusals);
		Message message;
		try {
			message = parser.parse(decoded.text());
		} catch (HL7Exception | RuntimeException e) {
			String reason = "Unparseable HL7 message: " + e.getMessage();
			Hl7Receipt receipt = new Hl7Receipt(AckBuilder.unparseable(decoded.text(), Hl7Rejection.SEGMENT_SEQUENCE_ERROR, reason),
					decoded.charset(), "AR", mshField(decoded.text(), 3), mshField(decoded.text(), 4), mshField(decoded.text(), 10),
					reason, "MSH", false);
			return refusals.keep(receipt);
		}
		MessageContext context;
		try {
			context = MessageContext.of((ca.uhn.hl7v2.model.Segment) message.get("MSH"));
		} catch (HL7Exception e) {
			return refusals.keep(new Hl7Receipt(AckBuilder.unparseable(decoded.text(), 100, "No MSH"), decoded.charset(), "AR",
					"", "", "", "No MSH", "MSH", false));
		}
		try {
			checkSender(context);
			checkVersion(context);
			String contentHash = ContentHash.of(decoded.text());
			Optional<String> earlier = store.acknowledgementOf(context.sendingApplication(), context.sendingFacility(),
					context.controlId(), contentHash);
			if (earlier.isPresent()) {
				log.info("HL7 {} {} from {}/{} already stored: answering its original ACK", context.messageType(),
						context.controlId(), context.sendingApplication(), context.sendingFacility());
				return receipt(earlier.get(), decoded, "AA", context, null, null, true);
			}
			MappedMessage mapped = mapper.map(message);
			String ours = acks.accept(message);
			String sent = store.store(mapped, contentHash, ours);
			log.info("HL7 {} stored: {}", context.controlId(), mapped.summary());
			return receipt(sent, decoded, "AA", context, null, null, !sent.equals(ours));
		} catch (Hl7Rejection rejection) {
			return refusals.keep(receipt(acks.refuse(message, rejection), decoded, rejection.isReject() ? "AR" : "AE", context,
					rejection.getMessage(), rejection.location(), false));
		} catch (RuntimeException e) {
			log.error("HL7 {} from {}/{} could not be stored", context.controlId(), context.sendingApplication(),
					context.sendingFacility(), e);
			Hl7Rejection failure = Hl7Rejection.error(Hl7Rejection.APPLICATION_INTERNAL_ERROR, "MSH", 1, 0, 0,
					"The message could not be stored: " + rootMessage(e));
			return refusals.keep(receipt(acks.refuse(message, failure), decoded, "AE", context, failure.getMessage(), "MSH", false));
		}
	}

	/**
	 * AR for a message larger than the listener accepts: answered from its first bytes (MSH), never
	 * parsed nor stored; those bytes are kept in quarantine with the reason.
	 *
	 * @param head the first bytes of the message
	 * @param size the message's whole size in bytes
	 * @param limit the size limit in bytes
	 */
	public Hl7Receipt refuseOversized(byte[] head, long size, long limit, String remoteAddress) {
		Hl7Decoder.Decoded decoded = Hl7Decoder.decode(head);
		String reason = String.format(java.util.Locale.ROOT,
				"Message of %,d bytes exceeds the %,d-byte limit of this listener (ccamhub.hl7.mllp.max-message-size)", size, limit);
		Hl7Receipt receipt = new Hl7Receipt(AckBuilder.unparseable(decoded.text(), Hl7Rejection.APPLICATION_INTERNAL_ERROR, reason),
				decoded.charset(), "AR", mshField(decoded.text(), 3), mshField(decoded.text(), 4), mshField(decoded.text(), 10),
				reason, "MSH", false);
		return new Refusals(head, remoteAddress, true).keep(receipt);
	}

	private void checkSender(MessageContext context) {
		if (!allowedSender.test(context.sendingApplication(), context.sendingFacility())) {
			throw Hl7Rejection.reject(Hl7Rejection.APPLICATION_INTERNAL_ERROR, "MSH", 3,
					"Sending application/facility " + context.sendingApplication() + "/" + context.sendingFacility()
							+ " is not allowed on this listener");
		}
	}

	private static void checkVersion(MessageContext context) {
		if (!Hl7Parser.ACCEPTED_VERSIONS.contains(context.version())) {
			throw Hl7Rejection.reject(Hl7Rejection.UNSUPPORTED_VERSION, "MSH", 12,
					"HL7 version " + context.version() + " is not accepted (2.3 to 2.8 are)");
		}
	}

	/** Where a refused message goes: logged, and kept in quarantine unless it is being replayed from there. */
	private final class Refusals {

		private final byte[] frame;
		private final String remoteAddress;
		private final boolean quarantine;

		Refusals(byte[] frame, String remoteAddress, boolean quarantine) {
			this.frame = frame;
			this.remoteAddress = remoteAddress;
			this.quarantine = quarantine;
		}

		Hl7Receipt keep(Hl7Receipt receipt) {
			log.warn("HL7 {} from {}/{} refused ({}): {} at {}", receipt.controlId(), receipt.sendingApplication(),
					receipt.sendingFacility(), receipt.code(), receipt.reason(), receipt.errorLocation());
			if (quarantine) {
				try {
					store.quarantine(receipt, frame, remoteAddress);
				} catch (RuntimeException e) {
					log.error("Could not quarantine HL7 message {}", receipt.controlId(), e);
				}
			}
			return receipt;
		}
	}

	private static Hl7Receipt receipt(String ack, Hl7Decoder.Decoded decoded, String code, MessageContext context, String reason,
			String location, boolean replay) {
		return new Hl7Receipt(ack, decoded.charset(), code, context.sendingApplication(), context.sendingFacility(),
				context.controlId(), reason, location, replay);
	}

	private static String mshField(String text, int number) {
		String msh = text.split("\r", 2)[0];
		if (!msh.startsWith("MSH") || msh.length() < 4) {
			return "";
		}
		String[] fields = msh.split(java.util.regex.Pattern.quote(String.valueOf(msh.charAt(3))), -1);
		return number - 1 < fields.length ? fields[number - 1].split("\\^")[0] : "";
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
