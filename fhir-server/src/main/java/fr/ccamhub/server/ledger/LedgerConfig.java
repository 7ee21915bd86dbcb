package fr.ccamhub.server.ledger;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import fr.ccamhub.interceptors.ledger.LedgerAppendInterceptor;
import fr.ccamhub.interceptors.ledger.ProvenanceReceiptInterceptor;
import fr.ccamhub.interceptors.ledger.VerifyProvenanceOperation;
import fr.ccamhub.ledger.anchor.AnchorSettings;
import fr.ccamhub.ledger.audit.ChainView;
import fr.ccamhub.ledger.audit.LedgerReceipts;
import fr.ccamhub.ledger.audit.ReceiptVerification;
import fr.ccamhub.ledger.head.TreeHeadSigner;
import fr.ccamhub.ledger.store.JdbcLedgerReader;
import fr.ccamhub.ledger.store.LedgerAnchoring;
import fr.ccamhub.ledger.store.LedgerSchema;
import fr.ccamhub.ledger.store.LedgerSequencer;
import fr.ccamhub.server.fhir.OperationProvider;
import fr.ccamhub.server.fhir.RestInterceptor;
import fr.ccamhub.server.fhir.StorageInterceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tamper-evident ledger in the server: its tables, the signing key, the append interceptor (entries written in
 * the transaction of each ledgered write), the sequencer and anchoring threads, receipts on Provenances,
 * {@code Provenance/[id]/$verify} and the {@code /ledger/v1} API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ccamhub.ledger.enabled", havingValue = "true", matchIfMissing = true)
public class LedgerConfig {

	private static final Logger log = LoggerFactory.getLogger(LedgerConfig.class);

	@Bean
	JdbcLedgerReader ledgerReader(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			LedgerSchema.create(connection);
		}
		return new JdbcLedgerReader(dataSource);
	}

	@Bean
	LedgerSigningKeys ledgerSigningKeys(LedgerProperties properties) {
		return LedgerSigningKeys.load(properties.signing(), Clock.systemUTC());
	}

	@Bean
	LedgerSequencer ledgerSequencer(DataSource dataSource, LedgerSigningKeys keys, LedgerProperties properties,
			JdbcLedgerReader schemaFirst) {
		return new LedgerSequencer(dataSource, new TreeHeadSigner(keys.signingKey(), Clock.systemUTC()),
				properties.sequencer().batchSize());
	}

	@Bean
	@ConditionalOnExpression("!'${ccamhub.ledger.anchor.node-url:}'.isBlank()")
	LedgerAnchoring ledgerAnchoring(DataSource dataSource, LedgerProperties properties, JdbcLedgerReader schemaFirst) {
		LedgerProperties.Anchor anchor = properties.anchor();
		if (anchor.privateKey().isBlank() || anchor.chainId() <= 0) {
			throw new IllegalStateException("ccamhub.ledger.anchor.node-url is set: chain-id and private-key "
					+ "(CCAMHUB_LEDGER_ANCHOR_PRIVATEKEY) are required too");
		}
		AnchorSettings settings = new AnchorSettings(anchor.nodeUrl(), anchor.chainId(),
				anchor.contractAddress().isBlank() ? null : anchor.contractAddress(), anchor.privateKey(), anchor.confirmations(),
				anchor.pollInterval(), anchor.timeout());
		return new LedgerAnchoring(dataSource, settings, anchor.everyEntries(), anchor.every(), Clock.systemUTC());
	}

	@Bean
	LedgerWorker ledgerWorker(LedgerSequencer sequencer, ObjectProvider<LedgerAnchoring> anchoring, LedgerProperties properties) {
		LedgerProperties.Anchor anchor = properties.anchor();
		if (anchoring.getIfAvailable() == null) {
			log.info("Ledger anchoring is OFF: tree heads are signed but not anchored on a chain "
					+ "(set ccamhub.ledger.anchor.node-url, chain-id and private-key to anchor).");
		} else {
			log.info("Ledger anchoring is ON: chain {} at {}, every {} entries or {}, {} confirmation(s)", anchor.chainId(),
					anchor.nodeUrl(), anchor.everyEntries(), anchor.every(), anchor.confirmations());
		}
		return new LedgerWorker(sequencer, properties.sequencer().interval(), properties.sequencer().linger(), Optional.ofNullable(anchoring.getIfAvailable()),
				anchor.checkInterval());
	}

	@Bean
	LedgerWakeUp ledgerWakeUp(LedgerWorker worker) {
		return worker::wakeUp;
	}

	@Bean
	LedgerMetrics ledgerMetrics(JdbcLedgerReader reader, LedgerWorker worker) {
		return new LedgerMetrics(reader, worker);
	}

	@Bean
	StorageInterceptor ledgerAppendInterceptor(FhirContext fhirContext, DataSource dataSource, LedgerWorker worker,
			LedgerProperties properties) {
		log.info("Ledger records every version of {}", properties.resourceTypes());
		// A Provenance names the exact version it is about (Procedure/1/_history/2), the one the ledger proves, and an
		// AuditEvent the version that was accessed: HAPI's parser must keep those versions, stored and served.
		Set<String> versionedPaths = new HashSet<>(fhirContext.getParserOptions().getDontStripVersionsFromReferencesAtPaths());
		versionedPaths.addAll(Set.of("Provenance.target", "AuditEvent.entity.what"));
		fhirContext.getParserOptions().setDontStripVersionsFromReferencesAtPaths(versionedPaths);
		return new StorageInterceptor(new LedgerAppendInterceptor(fhirContext, new OutboxLedgerEntrySink(dataSource, worker::wakeUp),
				ledgeredTypes(properties), Clock.systemUTC()));
	}

	@Bean
	LedgerReceipts ledgerReceipts(JdbcLedgerReader reader) {
		return new LedgerReceipts(reader);
	}

	@Bean
	ReceiptVerification receiptVerification(LedgerReceipts receipts, JdbcLedgerReader reader, LedgerSigningKeys keys,
			ObjectProvider<LedgerAnchoring> anchoring) {
		Optional<ChainView> chain = Optional.ofNullable(anchoring.getIfAvailable()).map(LedgerConfig::chainView);
		return new ReceiptVerification(receipts, reader, keys.ring(), chain);
	}

	@Bean
	RestInterceptor provenanceReceiptInterceptor(LedgerReceipts receipts, LedgerProperties properties) {
		return new RestInterceptor(800, new ProvenanceReceiptInterceptor(receipts, ledgeredTypes(properties)));
	}

	@Bean
	OperationProvider verifyProvenanceOperation(FhirContext fhirContext, DaoRegistry daos, ReceiptVerification verification,
			LedgerProperties properties) {
		return new OperationProvider(new VerifyProvenanceOperation(fhirContext, daos, verification, ledgeredTypes(properties)));
	}

	private static Set<String> ledgeredTypes(LedgerProperties properties) {
		return new HashSet<>(properties.resourceTypes());
	}

	private static ChainView chainView(LedgerAnchoring anchoring) {
		return new ChainView() {
			@Override
			public Optional<fr.ccamhub.ledger.anchor.AnchoredHead> anchoredAt(long treeSize) {
				return anchoring.onChain(treeSize);
			}

			@Override
			public long latestAnchoredSize() {
				return anchoring.latestAnchoredSize();
			}

			@Override
			public String describe() {
				return "chain " + anchoring.chainId() + " (contract " + anchoring.contractAddress().orElse("not deployed yet") + ")";
			}
		};
	}
}
