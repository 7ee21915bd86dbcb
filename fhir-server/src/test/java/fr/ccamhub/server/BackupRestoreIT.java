package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import fr.ccamhub.server.backup.BackupCli;
import fr.ccamhub.server.backup.BackupKey;
import fr.ccamhub.server.backup.BackupManifest;
import fr.ccamhub.server.backup.SearchIndexRebuild;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An operator's backup taken with the command line while the server runs and keeps taking writes, restored with the
 * command line into a fresh data directory, and a server started on it: every resource, HL7 row and ledger entry is
 * there, the ledger extends the head signed at backup time, $verify passes, and search and CCAM $expand work.
 */
class BackupRestoreIT {

	/** Its own context: the client must keep the version of Provenance.target, which HAPI's parser strips by default. */
	private static final FhirContext FHIR = FhirContext.forR4();

	static {
		FHIR.getParserOptions().setStripVersionsFromReferences(false);
	}
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private static final String CCAM = "https://smt.esante.gouv.fr/terminologie-ccam";
	private static final String KEY = randomKey();

	@TempDir
	static Path directory;

	private static Path archive;
	private static final List<String> patientsBefore = new ArrayList<>();
	private static final List<String> proceduresBefore = new ArrayList<>();
	private static String provenanceId;
	private static long hl7Rows;
	private static String terminologyBefore;
	private static JsonNode headBeforeBackup;
	private static String backupOutput;
	private static int writtenDuringBackup;
	private static ConfigurableApplicationContext restored;

	@BeforeAll
	static void backUpARunningServerTakingWrites() throws Exception {
		Path data = directory.resolve("data");
		try (ConfigurableApplicationContext server = start(data)) {
			IGenericClient fhir = client(server);
			for (int i = 0; i < 5; i++) {
				String patient = fhir.create().resource(patient("Sauvegarde" + i)).execute().getId().toUnqualifiedVersionless().getValue();
				patientsBefore.add(patient);
				proceduresBefore.add(fhir.create().resource(procedure(patient)).execute().getId().toUnqualifiedVersionless().getValue());
			}
			try (MllpClient mllp = new MllpClient(mllpPort(server))) {
				String ack = mllp.send("MSH|^~\\&|EHR|CHU|CCAMHUB|CHU|20260312101500||ADT^A01^ADT_A01|BACKUP-1|P|2.5\r"
						+ "PID|1||BK123^^^CHU&1.2.250.1.71.1.2.2&ISO^PI||RESTAURE^PAUL||19700101|M\r"
						+ "PV1|1|I|CARDIO||||||||||||||||BKV1^^^CHU&1.2.250.1.71.1.2.2&ISO^VN\r");
				assertThat(ack).contains("MSA|AA|BACKUP-1");
			}
			JdbcTemplate jdbc = new JdbcTemplate(server.getBean(DataSource.class));
			hl7Rows = jdbc.queryForObject("SELECT count(*) FROM ccamhub_hl7_message", Long.class);
			terminologyBefore = terminology(jdbc);
			assertThat(hl7Rows).isEqualTo(1);

			Provenance decision = new Provenance();
			decision.addTarget(new Reference(proceduresBefore.get(0) + "/_history/1"));
			decision.setRecorded(new Date());
			decision.addAgent().setWho(new Reference().setDisplay("Codeur DIM"));
			provenanceId = fhir.create().resource(decision).execute().getId().getIdPart();
			String base = base(server);
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
					.until(() -> jdbc.queryForObject("SELECT count(*) FROM ccamhub_ledger_outbox", Long.class) == 0);
			assertThat(verify(fhir, provenanceId)).containsEntry("result", "true");
			headBeforeBackup = getJson(base + "/ledger/v1/sth");
			assertThat(headBeforeBackup.get("tree_size").asLong()).isGreaterThanOrEqualTo(6);
			assertThat(searchContent(fhir, "Sauvegarde3")).isEqualTo(1);

			AtomicBoolean backingUp = new AtomicBoolean(true);
			AtomicInteger written = new AtomicInteger();
			CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
				while (backingUp.get()) {
					String patient = fhir.create().resource(patient("Pendant")).execute().getId().toUnqualifiedVersionless().getValue();
					fhir.create().resource(procedure(patient)).execute();
					written.incrementAndGet();
				}
			});
			archive = directory.resolve("backups/ccamhub.ccbk");
			try {
				Result backup = cli(KEY, "backup", "--data-directory", data.toString(), "--to", archive.toString());
				assertThat(backup.exit()).as(backup.err()).isZero();
				backupOutput = backup.out();
			} finally {
				backingUp.set(false);
				writer.get(60, TimeUnit.SECONDS);
			}
			writtenDuringBackup = written.get();
		}
	}

	@AfterAll
	static void stop() {
		if (restored != null) {
			restored.close();
		}
	}

	@Test
	void theRestoredServerHoldsEverythingTheLedgerExtendsTheHeadOfTheBackupAndVerifyPasses() throws Exception {
		Path fresh = directory.resolve("restored");
		Result restore = cli(KEY, "restore", "--from", archive.toString(), "--data-directory", fresh.toString());
		assertThat(restore.exit()).as(restore.err()).isZero();
		assertThat(SearchIndexRebuild.requested(fresh)).isTrue();
		System.out.println("BackupRestoreIT: " + backupOutput.strip() + " | " + restore.out().strip()
				+ " | writes during the backup: " + writtenDuringBackup);
		long restoredTreeSize = Long.parseLong(group(restore.out(), "ledger tree size (\\d+)"));
		long restoredOutbox = Long.parseLong(group(restore.out(), "(\\d+) entries waiting in the outbox"));

		restored = start(fresh);
		assertThat(SearchIndexRebuild.requested(fresh)).as("rebuild done at start").isFalse();
		IGenericClient fhir = client(restored);
		String base = base(restored);
		JdbcTemplate jdbc = new JdbcTemplate(restored.getBean(DataSource.class));

		// The ledger, before any FHIR request (each one adds an AuditEvent, itself ledgered). Entries committed during the
		// copy but not yet sequenced are in the outbox: the restored server sequences them.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("SELECT count(*) FROM ccamhub_ledger_outbox", Long.class) == 0);
		JsonNode head = getJson(base + "/ledger/v1/sth");
		long size = head.get("tree_size").asLong();
		assertThat(size).as("no entry added by the restore or the index rebuild").isEqualTo(restoredTreeSize + restoredOutbox);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ccamhub_ledger_entry", Long.class)).isEqualTo(size);
		assertThat(terminology(jdbc)).as("CCAM neither re-stored nor reloaded").isEqualTo(terminologyBefore);

		for (int i = 0; i < patientsBefore.size(); i++) {
			assertThat(fhir.read().resource(Patient.class).withUrl(patientsBefore.get(i)).execute().getNameFirstRep().getFamily())
					.isEqualTo("Sauvegarde" + i);
			assertThat(fhir.read().resource(Procedure.class).withUrl(proceduresBefore.get(i)).execute().getSubject().getReference())
					.isEqualTo(patientsBefore.get(i));
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ccamhub_hl7_message", Long.class)).isEqualTo(hl7Rows);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ccamhub_hl7_message WHERE control_id = 'BACKUP-1'", Long.class)).isEqualTo(1);
		assertThat(searchIdentifier(fhir, "BK123")).isEqualTo(1);

		// The head signed before the backup is there, the log extends it, and it holds the manifest's head too.
		long before = headBeforeBackup.get("tree_size").asLong();
		assertThat(getJson(base + "/ledger/v1/sth?tree_size=" + before).get("sha256_root_hash").asText())
				.isEqualTo(headBeforeBackup.get("sha256_root_hash").asText());
		BackupManifest manifest;
		try (InputStream in = Files.newInputStream(archive)) {
			manifest = BackupManifest.read(in, BackupKey.parse(KEY));
		}
		assertThat(manifest.ledgerHead().treeSize()).isBetween(before, size);
		assertThat(getJson(base + "/ledger/v1/sth?tree_size=" + manifest.ledgerHead().treeSize()).get("sha256_root_hash").asText())
				.isEqualTo(manifest.ledgerHead().rootHash());
		if (size > before) {
			JsonNode proof = getJson(base + "/ledger/v1/proof/consistency?first=" + before + "&second=" + size);
			List<byte[]> hashes = new ArrayList<>();
			proof.get("consistency").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
			LedgerVerifier.verifyConsistency(before, base64(headBeforeBackup.get("sha256_root_hash")), size,
					base64(head.get("sha256_root_hash")), hashes);
		}
		Map<String, String> checks = verify(fhir, provenanceId);
		assertThat(checks).containsEntry("result", "true").containsEntry("entry", "passed").containsEntry("resource-hash", "passed")
				.containsEntry("inclusion", "passed").containsEntry("signature", "passed");

		// The search index was rebuilt from the database: full-text search and CCAM's ranked $expand answer.
		assertThat(searchContent(fhir, "Sauvegarde3")).isEqualTo(1);
		JsonNode expansion = getJson(base + "/fhir/ValueSet/$expand?url=" + encode("https://fhir.ccamhub.fr/ValueSet/ccam")
				+ "&filter=" + encode("echographie abdomen"));
		List<String> codes = new ArrayList<>();
		expansion.at("/expansion/contains").forEach(concept -> codes.add(concept.get("code").asText()));
		assertThat(codes).contains("ZCQM001", "ZCQM008");
		assertThat(getJson(base + "/fhir/CodeSystem/$lookup?system=" + encode(CCAM) + "&code=HHFA016").toString()).contains("Appendicectomie, par cœlioscopie");

		// And the restored server takes writes, ledgered as before.
		String added = fhir.create().resource(procedure(patientsBefore.get(0))).execute().getId().getIdPart();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"SELECT count(*) FROM ccamhub_ledger_entry WHERE resource_type = 'Procedure' AND resource_id = ?", Long.class, added) == 1);
	}

	@Test
	void aWrongKeyIsRefusedClearlyAndRestoresNothing() throws Exception {
		Path fresh = directory.resolve("wrong-key");
		Result restore = cli(randomKey(), "restore", "--from", archive.toString(), "--data-directory", fresh.toString());
		assertThat(restore.exit()).isEqualTo(1);
		assertThat(restore.err()).contains("Wrong backup key").contains("nothing was restored");
		assertThat(nothingRestored(fresh)).isTrue();
	}

	@Test
	void aTamperedArchiveIsRefusedClearlyAndRestoresNothing() throws Exception {
		Path tampered = directory.resolve("tampered.ccbk");
		byte[] bytes = Files.readAllBytes(archive);
		bytes[bytes.length / 2] ^= 0x40;
		Files.write(tampered, bytes);
		Path fresh = directory.resolve("tampered");
		Result restore = cli(KEY, "restore", "--from", tampered.toString(), "--data-directory", fresh.toString());
		assertThat(restore.exit()).isEqualTo(1);
		assertThat(restore.err()).contains("altered or damaged").contains("nothing was restored");
		assertThat(nothingRestored(fresh)).isTrue();
	}

	@Test
	void aRestoreNeverOverwritesAnExistingDatabase() throws Exception {
		Path existing = directory.resolve("existing");
		Files.createDirectories(existing.resolve("postgres"));
		Files.writeString(existing.resolve("postgres/PG_VERSION"), "17\n");
		Result restore = cli(KEY, "restore", "--from", archive.toString(), "--data-directory", existing.toString());
		assertThat(restore.exit()).isEqualTo(1);
		assertThat(restore.err()).contains("is not empty");
		assertThat(Files.readString(existing.resolve("postgres/PG_VERSION"))).isEqualTo("17\n");
	}

	/** Code system versions, concepts, and CCAM's CodeSystem resource version: a reload would change them. */
	private static String terminology(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT (SELECT count(*) FROM trm_codesystem_ver) || '/' || (SELECT count(*) FROM trm_concept) || '/' "
				+ "|| (SELECT res_ver FROM hfj_resource WHERE res_type = 'CodeSystem' AND fhir_id = 'ccam-v81')", String.class);
	}

	private static boolean nothingRestored(Path fresh) throws IOException {
		if (!Files.exists(fresh)) {
			return true;
		}
		try (var content = Files.list(fresh)) {
			return content.findAny().isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(Path data) throws IOException {
		int mllpPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			mllpPort = socket.getLocalPort();
		}
		return StandaloneServer.start(data, mllpPort,
				"--ccamhub.terminology.ccam.load-on-startup=true",
				"--ccamhub.copilot.auto-coding=false",
				"--ccamhub.ledger.sequencer.interval=200ms");
	}

	/** The operator's command, in a JVM of its own as it would be run, with the key in its environment. */
	private static Result cli(String key, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), BackupCli.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put(BackupKey.ENVIRONMENT_VARIABLE, key);
		Path out = Files.createTempFile(directory, "cli", ".out");
		Path err = Files.createTempFile(directory, "cli", ".err");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("command finished").isTrue();
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private record Result(int exit, String out, String err) {}

	private static Patient patient(String family) {
		Patient patient = new Patient();
		patient.addName().setFamily(family).addGiven("Marie");
		return patient;
	}

	private static Procedure procedure(String patient) {
		Procedure procedure = new Procedure();
		procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
		procedure.setSubject(new Reference(patient));
		procedure.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(CCAM, "HHFA016", null)));
		procedure.setPerformed(new org.hl7.fhir.r4.model.DateTimeType("2026-12-01"));
		return procedure;
	}

	private static int searchContent(IGenericClient fhir, String text) {
		return fhir.search().forResource(Patient.class).where(new ca.uhn.fhir.rest.gclient.StringClientParam("_content").matches().value(text))
				.returnBundle(Bundle.class).execute().getEntry().size();
	}

	private static int searchIdentifier(IGenericClient fhir, String value) {
		return fhir.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code(value))
				.returnBundle(Bundle.class).execute().getEntry().size();
	}

	/** $verify: result, and each check's status by name. */
	private static Map<String, String> verify(IGenericClient fhir, String provenance) {
		Parameters out = fhir.operation().onInstance(new org.hl7.fhir.r4.model.IdType("Provenance", provenance)).named("$verify")
				.withNoParameters(Parameters.class).execute();
		Map<String, String> checks = new java.util.HashMap<>();
		for (Parameters.ParametersParameterComponent check : out.getParameter()) {
			if (check.getName().equals("check")) {
				String name = check.getPart().stream().filter(p -> p.getName().equals("name")).findFirst().orElseThrow().getValue().primitiveValue();
				String status = check.getPart().stream().filter(p -> p.getName().equals("status")).findFirst().orElseThrow().getValue().primitiveValue();
				checks.put(name, status);
			}
		}
		checks.put("result", out.getParameter("result").getValue().primitiveValue());
		return checks;
	}

	private static IGenericClient client(ConfigurableApplicationContext server) {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		return FHIR.newRestfulGenericClient(base(server) + "/fhir");
	}

	private static String base(ConfigurableApplicationContext server) {
		return "http://127.0.0.1:" + server.getBean(Environment.class).getProperty("local.server.port");
	}

	private static int mllpPort(ConfigurableApplicationContext server) {
		return Integer.parseInt(server.getBean(Environment.class).getProperty("ccamhub.hl7.mllp.port"));
	}

	private static JsonNode getJson(String url) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static byte[] base64(JsonNode node) {
		return Base64.getDecoder().decode(node.asText());
	}

	private static String group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex + " in " + text).isTrue();
		return matcher.group(1);
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
