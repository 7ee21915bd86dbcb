package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Segment;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * OBX to Observation: code (LOINC, IEEE 11073 MDC, ...), typed value with UCUM units (MDC units
 * translated), reference range, interpretation, status, time, device (OBX-18) and comments.
 */
final class ObservationMapper {

	private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
	private static final Pattern RANGE = Pattern.compile("\\s*(-?[0-9.]+)?\\s*-\\s*(-?[0-9.]+)?\\s*");
	private static final Pattern BOUND = Pattern.compile("\\s*([<>]=?)\\s*(-?[0-9.]+)\\s*");

	/** IEEE 11073 MDC units to UCUM, for the units devices send most. */
	private static final Map<String, String[]> MDC_UNITS = Map.of(
			"MDC_DIM_MMHG", new String[] {"mm[Hg]", "mmHg"},
			"MDC_DIM_PERCENT", new String[] {"%", "%"},
			"MDC_DIM_BEAT_PER_MIN", new String[] {"/min", "bpm"},
			"MDC_DIM_RESP_PER_MIN", new String[] {"/min", "breaths/min"},
			"MDC_DIM_KILO_G", new String[] {"kg", "kg"},
			"MDC_DIM_DEGC", new String[] {"Cel", "°C"},
			"MDC_DIM_CENTI_M", new String[] {"cm", "cm"},
			"MDC_DIM_MILLI_G_PER_DL", new String[] {"mg/dL", "mg/dL"},
			"MDC_DIM_MILLI_MOLE_PER_L", new String[] {"mmol/L", "mmol/L"});

	private final Hl7Dates dates;

	ObservationMapper(Hl7Dates dates) {
		this.dates = dates;
	}

	/** The observation of this OBX, or empty when the OBX carries no value (a grouping header). */
	Optional<Observation> map(SegmentList.Located obx, SegmentList segments, PatientContext context, String orderId,
			String effectiveFallback, MessageContext message) {
		Segment segment = obx.segment();
		String valueType = Fields.get(segment, 2);
		if (valueType.isEmpty() || Fields.get(segment, 5, 0, 1, 1).isEmpty() && Fields.get(segment, 5, 0, 2, 1).isEmpty()) {
			return Optional.empty();
		}
		Observation observation = new Observation();
		String setId = Fields.get(segment, 1);
		String subId = Fields.get(segment, 4);
		observation.addIdentifier(new Identifier().setSystem(message.senderSystem("observation"))
				.setValue(orderId + "/" + (setId.isEmpty() ? obx.occurrence() : setId) + (subId.isEmpty() ? "" : "/" + subId)));
		observation.setCode(Codings.codeableConcept(segment, 3, 0));
		if (!observation.getCode().hasCoding() && !observation.getCode().hasText()) {
			throw Hl7Rejection.error(Hl7Rejection.REQUIRED_FIELD_MISSING, "OBX", obx.occurrence(), 3, 1,
					"OBX-3 (observation identifier) is empty");
		}
		observation.setSubject(context.patient);
		if (context.encounter != null) {
			observation.setEncounter(context.encounter);
		}
		observation.setStatus(status(Fields.get(segment, 11)));
		value(obx, valueType, observation);
		range(Fields.get(segment, 7), observation);
		for (int rep = 0; rep < Fields.repetitions(segment, 8); rep++) {
			String flag = Fields.get(segment, 8, rep, 1, 1);
			if (!flag.isEmpty()) {
				observation.addInterpretation(interpretation(flag));
			}
		}
		dates.dateTime(Fields.get(segment, 14)).or(() -> dates.dateTime(effectiveFallback)).ifPresent(observation::setEffective);
		String device = Fields.get(segment, 18, 0, 1, 1);
		if (!device.isEmpty()) {
			observation.setDevice(new Reference().setIdentifier(new Identifier()
					.setSystem(Hl7Systems.LOCAL_IDENTIFIER_BASE + "device-" + (Fields.get(segment, 18, 0, 4, 1).isEmpty()
							? "id" : Fields.get(segment, 18, 0, 4, 1)))
					.setValue(device)).setDisplay(device));
		}
		segments.notesAfter(obx).forEach(note -> observation.addNote().setText(note));
		return Optional.of(observation);
	}

	private static void value(SegmentList.Located obx, String type, Observation observation) {
		Segment segment = obx.segment();
		String raw = Fields.get(segment, 5, 0, 1, 1);
		switch (type) {
			case "NM", "SN" -> {
				String number = "SN".equals(type) ? Fields.get(segment, 5, 0, 2, 1) : raw;
				try {
					Quantity quantity = new Quantity().setValue(new BigDecimal(number.trim()));
					if ("SN".equals(type) && !raw.isEmpty() && !"=".equals(raw)) {
						quantity.setComparator(Quantity.QuantityComparator.fromCode(raw));
					}
					unit(segment, quantity);
					observation.setValue(quantity);
				} catch (RuntimeException e) {
					throw Hl7Rejection.error(Hl7Rejection.DATA_TYPE_ERROR, "OBX", obx.occurrence(), 5, 1,
							"OBX-5 '" + number + "' is not a number although OBX-2 says " + type);
				}
			}
			case "CE", "CWE", "CNE" -> observation.setValue(Codings.codeableConcept(segment, 5, 0));
			case "DT", "TS", "DTM" -> observation.setValue(new StringType(raw));
			default -> observation.setValue(new StringType(raw));
		}
	}

	private static void unit(Segment segment, Quantity quantity) {
		String code = Fields.get(segment, 6, 1);
		String text = Fields.get(segment, 6, 2);
		String system = Fields.get(segment, 6, 3);
		if (code.isEmpty()) {
			return;
		}
		String[] ucum = MDC_UNITS.get(text);
		if (ucum != null) {
			quantity.setSystem(Hl7Systems.UCUM).setCode(ucum[0]).setUnit(ucum[1]);
		} else if ("mmHg".equalsIgnoreCase(code)) {
			quantity.setSystem(Hl7Systems.UCUM).setCode("mm[Hg]").setUnit("mmHg");
		} else if ("UCUM".equalsIgnoreCase(system) || system.isEmpty()) {
			quantity.setSystem(Hl7Systems.UCUM).setCode(code).setUnit(text.isEmpty() ? code : text);
		} else {
			quantity.setUnit(text.isEmpty() ? code : text);
			Hl7Systems.codingSystem(system).ifPresent(s -> quantity.setSystem(s).setCode(code));
		}
	}

	private static void range(String text, Observation observation) {
		if (text.isEmpty()) {
			return;
		}
		Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
		Matcher between = RANGE.matcher(text);
		Matcher bound = BOUND.matcher(text);
		if (between.matches() && (between.group(1) != null || between.group(2) != null)) {
			if (between.group(1) != null) {
				range.getLow().setValue(new BigDecimal(between.group(1)));
			}
			if (between.group(2) != null) {
				range.getHigh().setValue(new BigDecimal(between.group(2)));
			}
		} else if (bound.matches()) {
			(bound.group(1).startsWith("<") ? range.getHigh() : range.getLow()).setValue(new BigDecimal(bound.group(2)));
		}
		range.setText(text);
	}

	private static CodeableConcept interpretation(String flag) {
		return switch (flag) {
			case "N", "H", "L", "HH", "LL", "A", "AA", ">", "<", "U", "D", "B", "W", "S", "R", "I" ->
					new CodeableConcept(new Coding(INTERPRETATION, flag, null));
			default -> new CodeableConcept().setText(flag);
		};
	}

	private static Observation.ObservationStatus status(String resultStatus) {
		return switch (resultStatus) {
			case "C" -> Observation.ObservationStatus.CORRECTED;
			case "P", "R", "S", "I" -> Observation.ObservationStatus.PRELIMINARY;
			case "D", "W" -> Observation.ObservationStatus.ENTEREDINERROR;
			case "X" -> Observation.ObservationStatus.CANCELLED;
			default -> Observation.ObservationStatus.FINAL;
		};
	}
}
