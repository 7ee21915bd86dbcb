package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ccamhub.ledger.anchor.AnchorSettings;
import fr.ccamhub.ledger.anchor.EvmAnchorClient;
import fr.ccamhub.ledger.anchor.HardhatNode;
import fr.ccamhub.ledger.audit.ProvenanceReceiptCheck;
import fr.ccamhub.ledger.entry.LedgerEntry;
import fr.ccamhub.ledger.entry.LedgerEntryCodec;
import fr.ccamhub.ledger.entry.ResourceHasher;
import fr.ccamhub.ledger.verify.LedgerVerifier;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The ledger end to end, on a server of its own that anchors on a real Hardhat node: a coder's decision gets a
 * Provenance whose receipt an auditor verifies offline with the independent verifier and the chain; $verify checks it
 * server-side; tampering with PostgreSQL rows, and rewriting the whole log, is detected and named.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerIT {

	private static final String RECEIPT = "https://fhir.ccamhub.fr/StructureDefinition/ledger-receipt";
	private static final String TASKS = "https://fhir.ccamhub.fr/CodeSystem/tache-codage";
	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	static Path directory;

	private static HardhatNode chain;
	private static ConfigurableApplicationContext server;
	private static String base;
	private static IGenericClient fhir;
	/** The coded Procedure and the coder's decision on it, made by the first test. */
	private static String procedureId;
	private static Provenance decision;

	@BeforeAll
	static void startChainAndServer() throws Exception {
		chain = HardhatNode.start();
		int mllpPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			mllpPort = socket.getLocalPort();
		}
		server = StandaloneServer.start(directory.resolve("data"), mllpPort,
				"--ccamhub.copilot.poll-interval=300ms",
				"--ccamhub.ledger.sequencer.interval=200ms",
				"--ccamhub.ledger.anchor.node-url=" + chain.url(),
				"--ccamhub.ledger.anchor.chain-id=" + HardhatNode.CHAIN_ID,
				"--ccamhub.ledger.anchor.private-key=" + HardhatNode.ACCOUNT_0_KEY,
				"--ccamhub.ledger.anchor.confirmations=1",
				"--ccamhub.ledger.anchor.every-entries=1",
				"--ccamhub.ledger.anchor.check-interval=300ms",
				"--ccamhub.ledger.anchor.poll-interval=100ms");
		base = "http://127.0.0.1:" + server.getBean(Environment.class).getProperty("local.server.port");
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		fhir = FHIR.newRestfulGenericClient(base + "/fhir");
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
		if (chain != null) {
			chain.close();
		}
	}

	@Test
	@Order(1)
	void aCodersDecisionGetsAProvenanceWithAReceiptAnAuditorVerifiesOfflineAgainstTheChain() throws Exception {
		String patient = fhir.create().resource(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("LEDGER")))
				.execute().getId().toUnqualifiedVersionless().getValue();
		Procedure inWords = new Procedure();
		inWords.setStatus(Procedure.ProcedureStatus.COMPLETED);
		inWords.setSubject(new Reference(patient));
		inWords.setCode(new CodeableConcept().setText("appendicectomie"));
		procedureId = fhir.create().resource(inWords).execute().getId().getIdPart();
		Task task = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> fhir.search()
				.forResource(Task.class).where(Task.FOCUS.hasId("Procedure/" + procedureId))
				.and(Task.CODE.exactly().systemAndCode(TASKS, "revue-codage")).returnBundle(Bundle.class).execute()
				.getEntry().stream().map(e -> (Task) e.getResource()).findFirst(), Optional::isPresent).orElseThrow();
		Parameters review = new Parameters();
		review.addParameter().setName("code").setValue(new CodeType("HHFA025"));
		review.addParameter().setName("justification").setValue(new StringType("Péritonite avec toilette, voir CRO"));
		fhir.operation().onInstance(task.getIdElement().toVersionless()).named("$complete-review").withParameters(review)
				.returnResourceType(Task.class).execute();

		// GET /fhir/Provenance?target=Procedure/123: the decision, once its receipt is anchored.
		decision = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> fhir.search()
				.forResource(Provenance.class).where(Provenance.TARGET.hasId("Procedure/" + procedureId))
				.returnBundle(Bundle.class).execute().getEntry().stream().map(e -> (Provenance) e.getResource())
				.filter(p -> p.getActivity().getCodingFirstRep().getCode().equals("code-corrige"))
				.filter(p -> receipt(p).getExtensionByUrl("transactionHash") != null).findFirst(), Optional::isPresent).orElseThrow();
		String target = decision.getTargetFirstRep().getReference();
		assertThat(target).matches("Procedure/" + procedureId + "/_history/\\d+");
		Extension receipt = receipt(decision);
		assertThat(((CodeType) receipt.getExtensionByUrl("status").getValue()).getValue()).isEqualTo("recorded");

		// The auditor's side: our public key, the receipt, the Procedure version from the API, the chain. Nothing else.
		PublicKey key = LedgerVerifier.publicKeyFromPem(getJson("/ledger/v1/public-key").get("public_key_pem").asText());
		byte[] entryBytes = bytes(receipt, "entry");
		LedgerEntry entry = LedgerEntryCodec.decode(entryBytes);
		assertThat(entry.versionedReference()).isEqualTo(target);
		assertThat(entry.actor()).isEqualTo("local|local-developer");
		String version = FHIR.newJsonParser().encodeResourceToString(fhir.read().resource(Procedure.class)
				.withUrl(target).execute());
		assertThat(ResourceHasher.hashFhirResource(version)).isEqualTo(entry.resourceHash());
		long leaf = number(receipt, "leafIndex");
		long size = number(receipt, "treeSize");
		byte[] root = bytes(receipt, "rootHash");
		List<byte[]> path = receipt.getExtensionsByUrl("auditPath").stream()
				.map(e -> ((Base64BinaryType) e.getValue()).getValue()).toList();
		long timestamp = ((InstantType) receipt.getExtensionByUrl("timestamp").getValue()).getValue().getTime();
		assertThatCode(() -> {
			LedgerVerifier.verifyInclusion(leaf, size, LedgerVerifier.leafHash(entryBytes), path, root);
			LedgerVerifier.verifyTreeHeadSignature(key, size, timestamp, root, bytes(receipt, "signature"));
		}).doesNotThrowAnyException();
		String contract = ((StringType) receipt.getExtensionByUrl("contract").getValue()).getValue();
		try (EvmAnchorClient onChain = new EvmAnchorClient(new AnchorSettings(chain.url(), HardhatNode.CHAIN_ID, contract,
				HardhatNode.ACCOUNT_0_KEY, 1, Duration.ofMillis(100), Duration.ofSeconds(10)))) {
			assertThat(onChain.read(size).orElseThrow().rootHash()).isEqualTo(root);
		}
	}

	@Test
	@Order(2)
	void theAuditorsCommandLineCheckPassesOnTheProvenanceAsServedByTheApi() throws Exception {
		JsonNode provenance = getJson("/fhir/Provenance/" + decision.getIdElement().getIdPart());
		JsonNode version = getJson("/fhir/" + decision.getTargetFirstRep().getReference());
		PublicKey key = LedgerVerifier.publicKeyFromPem(getJson("/ledger/v1/public-key").get("public_key_pem").asText());
		java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

		boolean passed = new ProvenanceReceiptCheck(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8))
				.run(provenance, key, List.of(version), Optional.of(chain.url()), HardhatNode.CHAIN_ID);

		String report = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(passed).as(report).isTrue();
		assertThat(report).contains("[passed] entry", "[passed] resource-hash", "[passed] inclusion", "[passed] signature",
				"[passed] anchor").doesNotContain("FAILED");
	}

	@Test
	@Order(2)
	void verifyPassesEveryCheckOfAnUntouchedDecision() throws Exception {
		Map<String, String> checks = verify();
		assertThat(checks).containsEntry("result", "true")
				.containsEntry("entry", "passed").containsEntry("resource-hash", "passed").containsEntry("inclusion", "passed")
				.containsEntry("signature", "passed").containsEntry("anchor", "passed").containsEntry("consistency", "passed");
	}

	@Test
	@Order(3)
	void theCertificateTransparencyStyleApiServesHeadsProofsAndEntries() throws Exception {
		JsonNode sth = getJson("/ledger/v1/sth");
		long size = sth.get("tree_size").asLong();
		assertThat(size).isPositive();
		assertThat(sth.get("sha256_root_hash").asText()).isNotEmpty();
		assertThat(sth.has("anchor")).isTrue();
		PublicKey key = LedgerVerifier.publicKeyFromPem(getJson("/ledger/v1/public-key").get("public_key_pem").asText());
		LedgerVerifier.verifyTreeHeadSignature(key, size, sth.get("timestamp").asLong(), base64(sth.get("sha256_root_hash")),
				base64(sth.get("tree_head_signature")));

		JsonNode proof = getJson("/ledger/v1/proof/inclusion?leaf_index=0&tree_size=" + size);
		List<byte[]> path = new ArrayList<>();
		proof.get("audit_path").forEach(hash -> path.add(base64(hash)));
		LedgerVerifier.verifyInclusion(0, size, base64(proof.get("leaf_hash")), path, base64(sth.get("sha256_root_hash")));

		// A signed head by its size (heads are signed per sequencing batch, so only the sizes of batch ends have one:
		// the latest is sure to).
		JsonNode bySize = getJson("/ledger/v1/sth?tree_size=" + size);
		assertThat(bySize.get("sha256_root_hash").asText()).isEqualTo(sth.get("sha256_root_hash").asText());
		JsonNode entries = getJson("/ledger/v1/entries?start=0&end=" + (size - 1));
		assertThat(entries.get("entries").size()).isEqualTo((int) Math.min(size, 1000));
		JsonNode firstEntry = entries.get("entries").get(0);
		assertThat(firstEntry.get("leaf_index").asLong()).isZero();
		assertThat(firstEntry.get("resource").asText()).contains("/_history/");
		assertThat(base64(firstEntry.get("leaf_hash"))).isEqualTo(LedgerVerifier.leafHash(base64(firstEntry.get("leaf_input"))));

		long older = Math.max(1, size / 2);
		JsonNode olderHead = HTTP.send(get("/ledger/v1/sth?tree_size=" + older), HttpResponse.BodyHandlers.ofString()).statusCode() == 200
				? getJson("/ledger/v1/sth?tree_size=" + older) : null;
		if (olderHead != null) {
			JsonNode consistency = getJson("/ledger/v1/proof/consistency?first=" + older + "&second=" + size);
			List<byte[]> hashes = new ArrayList<>();
			consistency.get("consistency").forEach(hash -> hashes.add(base64(hash)));
			LedgerVerifier.verifyConsistency(older, base64(olderHead.get("sha256_root_hash")), size,
					base64(sth.get("sha256_root_hash")), hashes);
		}

		HttpResponse<String> bad = HTTP.send(get("/ledger/v1/proof/inclusion?leaf_index=" + size + "&tree_size=" + size),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("leaf_index");
		HttpResponse<String> missing = HTTP.send(get("/ledger/v1/proof/consistency?first=1"), HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(400);
	}

	@Test
	@Order(4)
	void aProcedureRowChangedInPostgresqlFailsTheResourceHashCheck() throws Exception {
		IdType target = new IdType(decision.getTargetFirstRep().getReference());
		String column = textColumn(target);
		String original = versionText(target, column);
		try {
			setVersionText(target, column, original.replace("HHFA025", "HHFA011"));
			Map<String, String> checks = verify();
			assertThat(checks).containsEntry("result", "false").containsEntry("resource-hash", "failed")
					.containsEntry("inclusion", "passed").containsEntry("signature", "passed");
			assertThat(checks.get("resource-hash:message")).contains("changed after it was recorded");
		} finally {
			setVersionText(target, column, original);
		}
		assertThat(verify()).containsEntry("result", "true");
	}

	@Test
	@Order(5)
	void aLedgerRowChangedInPostgresqlFailsTheInclusionCheck() throws Exception {
		IdType target = new IdType(decision.getTargetFirstRep().getReference());
		long leaf;
		byte[] original;
		try (Connection connection = dataSource().getConnection(); PreparedStatement select = connection.prepareStatement(
				"SELECT leaf_index, entry FROM ccamhub_ledger_entry WHERE resource_type = 'Procedure' AND resource_id = ? AND version_id = ?")) {
			select.setString(1, target.getIdPart());
			select.setString(2, target.getVersionIdPart());
			try (ResultSet row = select.executeQuery()) {
				row.next();
				leaf = row.getLong(1);
				original = row.getBytes(2);
			}
		}
		LedgerEntry entry = LedgerEntryCodec.decode(original);
		LedgerEntry forged = new LedgerEntry(entry.resourceType(), entry.resourceId(), entry.versionId(), entry.resourceHash(),
				entry.action(), "Practitioner/someone-else", entry.recordedAt());
		try {
			setEntry(leaf, LedgerEntryCodec.encode(forged));
			Map<String, String> checks = verify();
			assertThat(checks).containsEntry("result", "false").containsEntry("inclusion", "failed")
					.containsEntry("resource-hash", "passed");
			assertThat(checks.get("inclusion:message")).contains("leaf " + leaf).contains("altered");
		} finally {
			setEntry(leaf, original);
		}
		assertThat(verify()).containsEntry("result", "true");
	}

	@Test
	@Order(6)
	void aLogRewrittenAndReSignedWithOurOwnKeyFailsConsistencyWithTheChain() throws Exception {
		long anchoredBefore = getJson("/ledger/v1/sth").get("tree_size").asLong();
		// Someone with the database and the signing key rewrites history: one entry is forged, and the whole log is
		// rebuilt from the outbox by the server itself, which signs the new heads with its own key.
		try (Connection connection = dataSource().getConnection()) {
			connection.setAutoCommit(false);
			try (Statement sql = connection.createStatement()) {
				sql.execute("SELECT tree_size FROM ccamhub_ledger_size FOR UPDATE");
				List<byte[]> entries = new ArrayList<>();
				try (ResultSet rows = sql.executeQuery("SELECT entry FROM ccamhub_ledger_entry ORDER BY leaf_index")) {
					while (rows.next()) {
						entries.add(rows.getBytes(1));
					}
				}
				LedgerEntry first = LedgerEntryCodec.decode(entries.get(0));
				entries.set(0, LedgerEntryCodec.encode(new LedgerEntry(first.resourceType(), first.resourceId(), first.versionId(),
						first.resourceHash(), first.action(), "Practitioner/forged", first.recordedAt())));
				sql.execute("DELETE FROM ccamhub_ledger_entry");
				sql.execute("DELETE FROM ccamhub_ledger_node");
				sql.execute("DELETE FROM ccamhub_ledger_head");
				sql.execute("UPDATE ccamhub_ledger_size SET tree_size = 0");
				try (PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO ccamhub_ledger_outbox (entry, resource_type, resource_id, version_id) VALUES (?, ?, ?, ?)")) {
					for (byte[] bytes : entries) {
						LedgerEntry decoded = LedgerEntryCodec.decode(bytes);
						insert.setBytes(1, bytes);
						insert.setString(2, decoded.resourceType());
						insert.setString(3, decoded.resourceId());
						insert.setString(4, decoded.versionId());
						insert.addBatch();
					}
					insert.executeBatch();
				}
			}
			connection.commit();
		}
		// No head at all until the server has re-sequenced the first batch.
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
				.until(() -> getJson("/ledger/v1/sth").get("tree_size").asLong() >= anchoredBefore);

		Map<String, String> checks = verify();
		assertThat(checks).containsEntry("result", "false").containsEntry("consistency", "failed")
				.containsEntry("signature", "passed");
		assertThat(checks.get("consistency:message")).contains("rewritten");
		// The contract refuses the rewritten root at the next anchoring turn: operators see it in the metrics.
		await().atMost(Duration.ofSeconds(30)).until(() -> metric("ccamhub_ledger_anchoring_failures_total") >= 1);
		assertThat(metric("ccamhub_ledger_tree_size")).isGreaterThanOrEqualTo(anchoredBefore);
	}

	private static double metric(String name) throws Exception {
		String text = HTTP.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString()).body();
		return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
				.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
	}

	// ---- helpers

	private static Extension receipt(Provenance provenance) {
		return provenance.getExtension().stream().filter(e -> RECEIPT.equals(e.getUrl())).findFirst().orElseThrow();
	}

	private static byte[] bytes(Extension receipt, String part) {
		return ((Base64BinaryType) receipt.getExtensionByUrl(part).getValue()).getValue();
	}

	private static long number(Extension receipt, String part) {
		return ((DecimalType) receipt.getExtensionByUrl(part).getValue()).getValue().longValueExact();
	}

	/** $verify of the decision: result, and each check's status by name (and message under name:message). */
	private static Map<String, String> verify() {
		Parameters out = fhir.operation().onInstance(decision.getIdElement().toVersionless()).named("$verify")
				.withNoParameters(Parameters.class).execute();
		Map<String, String> checks = new java.util.HashMap<>();
		checks.put("result", out.getParameter("result").getValue().primitiveValue());
		for (Parameters.ParametersParameterComponent check : out.getParameter()) {
			if (check.getName().equals("check")) {
				Map<String, String> parts = check.getPart().stream().collect(Collectors.toMap(
						Parameters.ParametersParameterComponent::getName, p -> p.getValue().primitiveValue() == null
								? ((Reference) p.getValue()).getReference() : p.getValue().primitiveValue()));
				checks.put(parts.get("name"), parts.get("status"));
				checks.put(parts.get("name") + ":message", parts.get("message"));
			}
		}
		return checks;
	}

	private static HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).GET().build();
	}

	private static JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = HTTP.send(get(path), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static byte[] base64(JsonNode node) {
		return Base64.getDecoder().decode(node.asText());
	}

	private static DataSource dataSource() {
		return server.getBean(DataSource.class);
	}

	/** HAPI keeps a version's JSON in res_text_vc, or compressed in res_text: the column this version uses. */
	private static String textColumn(IdType version) throws Exception {
		try (Connection connection = dataSource().getConnection(); PreparedStatement select = connection.prepareStatement("""
				SELECT v.res_text_vc IS NOT NULL FROM hfj_res_ver v JOIN hfj_resource r ON r.res_id = v.res_id
				WHERE r.res_type = 'Procedure' AND r.fhir_id = ? AND v.res_ver = ?""")) {
			select.setString(1, version.getIdPart());
			select.setLong(2, version.getVersionIdPartAsLong());
			try (ResultSet row = select.executeQuery()) {
				assertThat(row.next()).as("version row of " + version.getValue()).isTrue();
				assertThat(row.getBoolean(1)).as("JSON held in res_text_vc").isTrue();
				return "res_text_vc";
			}
		}
	}

	private static String versionText(IdType version, String column) throws Exception {
		try (Connection connection = dataSource().getConnection(); PreparedStatement select = connection.prepareStatement(
				"SELECT v." + column + " FROM hfj_res_ver v JOIN hfj_resource r ON r.res_id = v.res_id "
						+ "WHERE r.res_type = 'Procedure' AND r.fhir_id = ? AND v.res_ver = ?")) {
			select.setString(1, version.getIdPart());
			select.setLong(2, version.getVersionIdPartAsLong());
			try (ResultSet row = select.executeQuery()) {
				row.next();
				return row.getString(1);
			}
		}
	}

	private static void setVersionText(IdType version, String column, String text) throws Exception {
		try (Connection connection = dataSource().getConnection(); PreparedStatement update = connection.prepareStatement(
				"UPDATE hfj_res_ver v SET " + column + " = ? FROM hfj_resource r WHERE r.res_id = v.res_id "
						+ "AND r.res_type = 'Procedure' AND r.fhir_id = ? AND v.res_ver = ?")) {
			update.setString(1, text);
			update.setString(2, version.getIdPart());
			update.setLong(3, version.getVersionIdPartAsLong());
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	private static void setEntry(long leaf, byte[] bytes) throws Exception {
		try (Connection connection = dataSource().getConnection(); PreparedStatement update = connection.prepareStatement(
				"UPDATE ccamhub_ledger_entry SET entry = ? WHERE leaf_index = ?")) {
			update.setBytes(1, bytes);
			update.setLong(2, leaf);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}
}
