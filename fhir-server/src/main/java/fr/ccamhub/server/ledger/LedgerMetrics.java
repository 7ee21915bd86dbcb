package fr.ccamhub.server.ledger;

import fr.ccamhub.ledger.store.JdbcLedgerReader;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The ledger on {@code /actuator/prometheus}: tree size, entries waiting in the outbox and the age of the oldest,
 * and failed sequencing and anchoring turns (alert on any increase of the latter).
 */
final class LedgerMetrics implements MeterBinder {

	private final JdbcLedgerReader reader;
	private final LedgerWorker worker;

	LedgerMetrics(JdbcLedgerReader reader, LedgerWorker worker) {
		this.reader = reader;
		this.worker = worker;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("ccamhub.ledger.tree.size", reader, JdbcLedgerReader::treeSize)
				.description("Entries in the Merkle log").register(registry);
		Gauge.builder("ccamhub.ledger.outbox.waiting", reader, r -> r.outboxState().waiting())
				.description("Entries written but not yet sequenced").register(registry);
		Gauge.builder("ccamhub.ledger.outbox.oldest.age", reader, r -> r.outboxState().oldest()
						.map(oldest -> (System.currentTimeMillis() - oldest.toEpochMilli()) / 1000.0).orElse(0.0))
				.baseUnit("seconds").description("Age of the oldest entry waiting in the outbox").register(registry);
		FunctionCounter.builder("ccamhub.ledger.sequencing.failures", worker, LedgerWorker::sequencingFailures)
				.description("Sequencing turns that failed").register(registry);
		FunctionCounter.builder("ccamhub.ledger.anchoring.failures", worker, LedgerWorker::anchoringFailures)
				.description("Anchoring turns that failed, including roots the contract refused").register(registry);
	}
}
