package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import fr.ccamhub.terminology.ccam.CcamRelease;
import java.time.ZoneId;
import java.util.Set;

/**
 * Maps one parsed HL7 v2 message to the FHIR transaction that stores it, or throws an
 * {@link Hl7Rejection} saying which segment and field make it unacceptable. Pure: no Spring, no I/O.
 */
public final class Hl7ToFhirMapper {

	private static final Set<String> ADT_EVENTS = Set.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A11",
			"A12", "A13", "A14", "A21", "A22", "A28", "A31", "A40");

	private final AdtMapper adt;
	private final OruMapper oru;
	private final FinancialMapper financial;
	private final MdmMapper mdm;

	public Hl7ToFhirMapper(CcamRelease ccam, ZoneId feedZone) {
		Hl7Dates dates = new Hl7Dates(feedZone);
		PatientMapper patients = new PatientMapper(dates);
		EncounterMapper encounters = new EncounterMapper(dates);
		ProcedureMapper procedures = new ProcedureMapper(ccam, dates);
		this.financial = new FinancialMapper(patients, encounters, procedures);
		this.adt = new AdtMapper(patients, encounters, financial, new DmpConsentMapper(dates));
		this.oru = new OruMapper(patients, encounters, new ObservationMapper(dates), dates);
		this.mdm = new MdmMapper(patients, encounters, dates);
	}

	public MappedMessage map(Message message) {
		Segment msh;
		try {
			msh = (Segment) message.get("MSH");
		} catch (HL7Exception e) {
			throw Hl7Rejection.reject(Hl7Rejection.SEGMENT_SEQUENCE_ERROR, "MSH", 0, "No MSH segment");
		}
		MessageContext context = MessageContext.of(msh);
		SegmentList segments = new SegmentList(message);
		String type = context.messageType();
		String event = context.triggerEvent();
		return switch (type) {
			case "ADT" -> {
				if (!ADT_EVENTS.contains(event)) {
					throw Hl7Rejection.reject(Hl7Rejection.UNSUPPORTED_EVENT_CODE, "MSH", 9,
							"ADT^" + event + " is not supported (A01-A08, A11-A14, A21, A22, A28, A31, A40 are)");
				}
				yield adt.map(context, segments);
			}
			case "ORU" -> requireEvent(type, event, "R01", () -> oru.map(context, segments));
			case "DFT" -> requireEvent(type, event, Set.of("P03", "P11"), () -> financial.map(context, segments));
			case "BAR" -> requireEvent(type, event, Set.of("P01", "P05", "P12"), () -> financial.map(context, segments));
			case "MDM" -> requireEvent(type, event, Set.of("T02", "T04", "T10"), () -> mdm.map(context, segments));
			default -> throw Hl7Rejection.reject(Hl7Rejection.UNSUPPORTED_MESSAGE_TYPE, "MSH", 9,
					"Message type " + type + "^" + event + " is not accepted here (ADT, ORU^R01, DFT^P03/P11, BAR^P01/P05/P12, MDM^T02/T04/T10 are)");
		};
	}

	private static MappedMessage requireEvent(String type, String event, String accepted, java.util.function.Supplier<MappedMessage> mapping) {
		return requireEvent(type, event, Set.of(accepted), mapping);
	}

	private static MappedMessage requireEvent(String type, String event, Set<String> accepted,
			java.util.function.Supplier<MappedMessage> mapping) {
		if (!accepted.contains(event)) {
			throw Hl7Rejection.reject(Hl7Rejection.UNSUPPORTED_EVENT_CODE, "MSH", 9,
					type + "^" + event + " is not supported (" + type + "^" + String.join(", ", accepted) + " are)");
		}
		return mapping.get();
	}
}
