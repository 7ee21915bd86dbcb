package fr.ccamhub.bench.fhir;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The resources the load sends, as a French hospital's feed would write them: patients known by their IPP (the
 * hospital's own identifier, type PI, in a local namespace: no INS, so ccamhub's INS checks have nothing to refuse),
 * vital signs coded in LOINC with UCUM units and French text, and outpatient encounters.
 */
final class FrenchResources {

	/** The hospital's IPP namespace (local patient identifiers), the one ccamhub's INS tests use as a non-INS system. */
	static final String IPP_SYSTEM = "urn:oid:1.2.250.1.71.4.2.7";
	/** The distinctive word {@code _content=} finds: only the setup's {@link #complaint} Observations carry it. */
	static final String CONTENT_WORD = "lipothymie";

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final List<String> FAMILIES = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
			"Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fournier");
	private static final List<String> WOMEN = List.of("Camille", "Léa", "Manon", "Chloé", "Inès", "Louise", "Jeanne", "Élodie");
	private static final List<String> MEN = List.of("Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Théo", "Raphaël");
	private static final List<String[]> CITIES = List.of(
			new String[] {"Lyon", "69003", "12 rue Paul Bert"},
			new String[] {"Villeurbanne", "69100", "4 cours Émile Zola"},
			new String[] {"Bron", "69500", "27 avenue Franklin Roosevelt"},
			new String[] {"Vénissieux", "69200", "8 boulevard Ambroise Croizat"});

	private FrenchResources() {}

	/** A Patient with name, gender, birth date, address and the IPP {@code ipp}; {@code seed} picks the person. */
	static String patient(String ipp, int seed) {
		boolean woman = seed % 2 == 0;
		String given = (woman ? WOMEN : MEN).get(Math.floorMod(seed / 2, WOMEN.size()));
		String family = FAMILIES.get(Math.floorMod(seed * 7 + 3, FAMILIES.size()));
		String[] city = CITIES.get(Math.floorMod(seed, CITIES.size()));
		String birthDate = String.format(Locale.ROOT, "%04d-%02d-%02d",
				1938 + Math.floorMod(seed * 13, 70), 1 + Math.floorMod(seed * 5, 12), 1 + Math.floorMod(seed * 11, 28));
		return """
				{"resourceType": "Patient",
				 "identifier": [{"use": "usual",
				   "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PI",
				     "display": "Patient internal identifier"}]},
				   "system": "%s", "value": "%s"}],
				 "active": true,
				 "name": [{"use": "official", "family": "%s", "given": ["%s"]}],
				 "gender": "%s", "birthDate": "%s",
				 "telecom": [{"system": "phone", "value": "04 78 %02d %02d %02d", "use": "home"}],
				 "address": [{"use": "home", "line": ["%s"], "city": "%s", "postalCode": "%s", "country": "FR"}]}"""
				.formatted(IPP_SYSTEM, ipp, family, given, woman ? "female" : "male", birthDate,
						Math.floorMod(seed, 100), Math.floorMod(seed * 3, 100), Math.floorMod(seed * 7, 100),
						city[2], city[0], city[1]);
	}

	/** A heart rate (LOINC 8867-4, vital-signs, final, UCUM /min) of {@code subject} at {@code when}; {@code encounter} may be null. */
	static String heartRate(String subject, String encounter, int beatsPerMinute, OffsetDateTime when) {
		return vitalSign(subject, encounter, when, "8867-4", "Heart rate", "Fréquence cardiaque",
				beatsPerMinute, "/min", "/min");
	}

	/**
	 * A reported chief complaint (LOINC 8661-1) in words, carrying {@link #CONTENT_WORD} in {@code valueString}, where
	 * {@code _content} finds it: HAPI's {@code _content} index holds a resource's {@code string} elements
	 * ({@code code.text}, {@code valueString}…) but not {@code markdown} ones such as {@code note.text}.
	 */
	static String complaint(String subject, OffsetDateTime when) {
		return """
				{"resourceType": "Observation", "status": "final",
				 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
				   "code": "exam", "display": "Exam"}]}],
				 "code": {"coding": [{"system": "http://loinc.org", "code": "8661-1", "display": "Chief complaint - Reported"}],
				   "text": "Motif de consultation"},
				 "subject": {"reference": "%s"},
				 "effectiveDateTime": "%s",
				 "valueString": "Lipothymie au lever, sans perte de connaissance ; palpitations depuis trois jours."}"""
				.formatted(subject, iso(when));
	}

	/** The ifNoneExist criterion of a Patient's conditional create by IPP. */
	static String ippCriterion(String ipp) {
		return "identifier=" + IPP_SYSTEM + "|" + ipp;
	}

	/**
	 * A consultation as a transaction: the Patient created unless its IPP is known ({@code ifNoneExist}), an
	 * outpatient Encounter and three vital signs (heart rate, body temperature, SpO2) referring to both.
	 */
	static String consultationTransaction(String ipp, int seed, RandomGenerator random) {
		String patient = "urn:uuid:" + UUID.randomUUID();
		String encounter = "urn:uuid:" + UUID.randomUUID();
		OffsetDateTime start = now().minusMinutes(30);
		OffsetDateTime end = start.plusMinutes(20);
		String encounterJson = """
				{"resourceType": "Encounter", "status": "finished",
				 "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB", "display": "ambulatory"},
				 "type": [{"text": "Consultation externe de cardiologie"}],
				 "subject": {"reference": "%s"},
				 "period": {"start": "%s", "end": "%s"}}""".formatted(patient, iso(start), iso(end));
		OffsetDateTime measured = start.plusMinutes(5);
		String heartRate = heartRate(patient, encounter, 55 + random.nextInt(50), measured);
		String temperature = vitalSign(patient, encounter, measured, "8310-5", "Body temperature", "Température corporelle",
				(360 + random.nextInt(25)) / 10.0, "°C", "Cel");
		String saturation = vitalSign(patient, encounter, measured, "59408-5",
				"Oxygen saturation in Arterial blood by Pulse oximetry", "Saturation en oxygène (SpO2)",
				93 + random.nextInt(8), "%", "%");
		return "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": ["
				+ entry(patient, patient(ipp, seed), "Patient", ippCriterion(ipp)) + ",\n"
				+ entry(encounter, encounterJson, "Encounter", null) + ",\n"
				+ entry(null, heartRate, "Observation", null) + ",\n"
				+ entry(null, temperature, "Observation", null) + ",\n"
				+ entry(null, saturation, "Observation", null) + "]}";
	}

	/**
	 * A transaction of {@code count} Observations of one patient, one a minute (a monitoring series): heart rates, and
	 * with {@code complaintEvery} > 0, a {@link #complaint} instead every {@code complaintEvery}th.
	 */
	static String heartRateSeries(String subject, int count, RandomGenerator random, int complaintEvery) {
		StringBuilder bundle = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [");
		OffsetDateTime first = now().minusMinutes(count);
		for (int i = 0; i < count; i++) {
			OffsetDateTime when = first.plusMinutes(i);
			String observation = complaintEvery > 0 && i % complaintEvery == 0
					? complaint(subject, when)
					: heartRate(subject, null, 55 + random.nextInt(50), when);
			bundle.append(i == 0 ? "\n" : ",\n").append(entry(null, observation, "Observation", null));
		}
		return bundle.append("]}").toString();
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS);
	}

	private static String vitalSign(String subject, String encounter, OffsetDateTime when, String loinc, String display,
			String text, Number value, String unit, String ucum) {
		return """
				{"resourceType": "Observation", "status": "final",
				 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
				   "code": "vital-signs", "display": "Vital Signs"}]}],
				 "code": {"coding": [{"system": "http://loinc.org", "code": "%s", "display": "%s"}], "text": "%s"},
				 "subject": {"reference": "%s"},%s
				 "effectiveDateTime": "%s",
				 "valueQuantity": {"value": %s, "unit": "%s", "system": "http://unitsofmeasure.org", "code": "%s"}}"""
				.formatted(loinc, display, text, subject,
						encounter == null ? "" : "\n \"encounter\": {\"reference\": \"" + encounter + "\"},",
						iso(when), value, unit, ucum);
	}

	private static String entry(String fullUrl, String resource, String type, String ifNoneExist) {
		return "{" + (fullUrl == null ? "" : "\"fullUrl\": \"" + fullUrl + "\", ")
				+ "\"resource\": " + resource + ",\n \"request\": {\"method\": \"POST\", \"url\": \"" + type + "\""
				+ (ifNoneExist == null ? "" : ", \"ifNoneExist\": \"" + ifNoneExist + "\"") + "}}";
	}

	private static String iso(OffsetDateTime time) {
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}
}
