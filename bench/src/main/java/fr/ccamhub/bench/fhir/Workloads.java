package fr.ccamhub.bench.fhir;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The workloads of issue 15, in the order they run. Reads and searches come first, on the setup data only, so that
 * both servers answer them over the same rows whatever their write rates; the writes follow.
 */
final class Workloads {

	private Workloads() {}

	static List<Workload> all(FhirHttp http, SetupData setup, String runId) {
		List<String> observations = setup.observationIds();
		List<String> patients = setup.patientIds();
		String loadPatient = "Patient/" + setup.loadPatientId();
		int expectedPage = 10;
		return List.of(
				new Workload("read-4", "GET Observation/{id}, a random one of the setup's", 4, 0, i -> {
					SplittableRandom random = new SplittableRandom(100 + i);
					return () -> status(http.get("Observation/" + observations.get(random.nextInt(observations.size())), false), 200);
				}),
				new Workload("search-subject-4", "GET Observation?subject=Patient/{id}&_count=10, a random setup patient",
						4, 0, i -> {
					SplittableRandom random = new SplittableRandom(200 + i);
					return () -> page(http.get("Observation?subject=Patient/" + patients.get(random.nextInt(patients.size()))
							+ "&_count=" + expectedPage, true), expectedPage);
				}),
				new Workload("search-content-4", "GET Observation?_content=" + FrenchResources.CONTENT_WORD + "&_count=10 ("
						+ setup.complaintObservations() + " match)", 4, 0,
						i -> () -> page(http.get("Observation?_content=" + FrenchResources.CONTENT_WORD + "&_count="
								+ expectedPage, true), expectedPage)),
				new Workload("post-obs-1", "POST Observation (heart rate)", 1, 1, i -> postObservation(http, loadPatient, i)),
				new Workload("post-obs-4", "POST Observation (heart rate)", 4, 1, i -> postObservation(http, loadPatient, i)),
				new Workload("transaction-4", "transaction: Patient ifNoneExist (1 in 4 known) + Encounter + 3 Observations",
						4, 5, i -> {
					SplittableRandom random = new SplittableRandom(400 + i);
					int[] sent = {0};
					return () -> {
						int n = sent[0]++;
						// Every fourth consultation is the previous one's patient again: the conditional create matches.
						int patient = n % 4 == 3 ? n - 1 : n;
						String ipp = runId + "-T" + i + "-" + patient;
						return status(http.post("", FrenchResources.consultationTransaction(ipp, i * 1000 + patient,
								random)), 200);
					};
				}),
				new Workload("bundle100-1", "transaction of 100 Observations (heart rates, one a minute)", 1, 100, i -> {
					SplittableRandom random = new SplittableRandom(500 + i);
					return () -> status(http.post("", FrenchResources.heartRateSeries(loadPatient, 100, random, 0)), 200);
				}));
	}

	private static Workload.Client postObservation(FhirHttp http, String subject, int client) {
		SplittableRandom random = new SplittableRandom(300 + client);
		return () -> status(http.post("Observation", FrenchResources.heartRate(subject, null, 55 + random.nextInt(50),
				FrenchResources.now())), 201);
	}

	private static String status(FhirHttp.Answer answer, int expected) {
		return answer.status() == expected ? null : problem(answer, "HTTP " + answer.status() + " (expected " + expected + ")");
	}

	/** A search answer must be 200 with a full first page. */
	private static String page(FhirHttp.Answer answer, int entries) {
		if (answer.status() != 200) {
			return problem(answer, "HTTP " + answer.status());
		}
		int found = occurrences(answer.body(), "\"fullUrl\"");
		return found == entries ? null : problem(answer, found + " entries instead of " + entries);
	}

	private static String problem(FhirHttp.Answer answer, String what) {
		String body = answer.body();
		return what + ": " + (body.length() > 3000 ? body.substring(0, 3000) + "…" : body);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}
}
