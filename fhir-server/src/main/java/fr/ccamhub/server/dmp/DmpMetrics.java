package fr.ccamhub.server.dmp;

import fr.ccamhub.dmp.delivery.DeliveryAttempt;
import fr.ccamhub.dmp.delivery.DeliveryListener;
import fr.ccamhub.dmp.outbox.DmpOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * DMP delivery in numbers: {@code ccamhub.dmp.attempts{outcome}}, {@code ccamhub.dmp.delivery.latency} (from the
 * document's queueing to the recipient's acknowledgement), {@code ccamhub.dmp.backlog} and
 * {@code ccamhub.dmp.backlog.oldest.age} (seconds).
 */
final class DmpMetrics implements DeliveryListener {

	private final MeterRegistry registry;
	private final Timer latency;

	DmpMetrics(MeterRegistry registry, DmpOutbox outbox) {
		this.registry = registry;
		this.latency = Timer.builder("ccamhub.dmp.delivery.latency")
				.description("From the document's commit to the recipient's acknowledgement")
				.publishPercentiles(0.5, 0.95).register(registry);
		Gauge.builder("ccamhub.dmp.backlog", outbox, box -> box.backlog().waiting())
				.description("Documents waiting to be sent").register(registry);
		Gauge.builder("ccamhub.dmp.backlog.oldest.age", outbox, box -> box.backlog().oldest()
				.map(oldest -> Duration.between(oldest, Instant.now()).toMillis() / 1000.0).orElse(0.0))
				.baseUnit("seconds").register(registry);
	}

	@Override
	public void attempted(DeliveryAttempt attempt) {
		Counter.builder("ccamhub.dmp.attempts").tag("outcome", attempt.outcome().name().toLowerCase(java.util.Locale.ROOT))
				.register(registry).increment();
		if (attempt.outcome() == fr.ccamhub.dmp.delivery.DeliveryOutcome.DELIVERED) {
			latency.record(Duration.between(attempt.item().createdAt(), attempt.at()));
		}
	}
}
