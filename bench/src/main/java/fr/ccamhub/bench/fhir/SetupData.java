package fr.ccamhub.bench.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the measured workloads read, created before them the same way on every server: {@value #PATIENTS} patients
 * with {@value #OBSERVATIONS_PER_PATIENT} Observations each (one in {@value #COMPLAINT_EVERY} a chief complaint in words
 * carrying {@link FrenchResources#CONTENT_WORD} instead), posted as one transaction per patient, and one more patient that the write
 * workloads' Observations belong to (so that the searched patients keep the same Observations throughout).
 *
 * @param patientIds the searched patients' ids
 * @param loadPatientId the write workloads' patient
 * @param observationIds the setup Observations' ids (GET Observation/{id})
 * @param seconds how long creating them took
 */
record SetupData(List<String> patientIds, String loadPatientId, List<String> observationIds, double seconds) {

	static final int PATIENTS = 10;
	static final int OBSERVATIONS_PER_PATIENT = 30;
	static final int COMPLAINT_EVERY = 5;

	private static final ObjectMapper JSON = new ObjectMapper();

	int complaintObservations() {
		return PATIENTS * ((OBSERVATIONS_PER_PATIENT + COMPLAINT_EVERY - 1) / COMPLAINT_EVERY);
	}

	static SetupData create(FhirHttp http, String runId) throws IOException, InterruptedException {
		long start = System.nanoTime();
		Random random = new Random(15);
		List<String> patients = new ArrayList<>();
		List<String> observations = new ArrayList<>();
		for (int i = 0; i < PATIENTS; i++) {
			String patient = createPatient(http, runId + "-S" + i, i);
			patients.add(patient);
			FhirHttp.Answer answer = http.post("", FrenchResources.heartRateSeries(
					"Patient/" + patient, OBSERVATIONS_PER_PATIENT, random, COMPLAINT_EVERY));
			for (JsonNode entry : body(answer, "setup transaction of patient " + patient).path("entry")) {
				observations.add(idOf(entry.path("response").path("location").asText()));
			}
		}
		String loadPatient = createPatient(http, runId + "-L", PATIENTS);
		return new SetupData(List.copyOf(patients), loadPatient, List.copyOf(observations),
				(System.nanoTime() - start) / 1e9);
	}

	private static String createPatient(FhirHttp http, String ipp, int seed) throws IOException, InterruptedException {
		FhirHttp.Answer answer = http.post("Patient", FrenchResources.patient(ipp, seed));
		String id = body(answer, "setup Patient " + ipp).path("id").asText();
		if (id.isEmpty()) {
			id = idOf(answer.location());
		}
		return id;
	}

	private static JsonNode body(FhirHttp.Answer answer, String what) throws IOException {
		if (!answer.ok()) {
			throw new IllegalStateException(what + " refused with HTTP " + answer.status() + ":\n" + answer.body());
		}
		return JSON.readTree(answer.body());
	}

	/** Observation/123/_history/1 or http://…/Observation/123 -> 123. */
	static String idOf(String location) {
		List<String> parts = List.of(location.split("/"));
		int history = parts.lastIndexOf("_history");
		int id = history > 0 ? history - 1 : parts.size() - 1;
		if (id < 1 || parts.get(id).isEmpty()) {
			throw new IllegalArgumentException("no resource id in location " + location);
		}
		return parts.get(id);
	}
}
