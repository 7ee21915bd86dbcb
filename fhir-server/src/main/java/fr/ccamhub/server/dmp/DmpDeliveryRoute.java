package fr.ccamhub.server.dmp;

import fr.ccamhub.dmp.delivery.DmpDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Camel route that delivers queued documents: every {@code interval}, and as soon as a transaction queued one
 * (a message on {@code seda:dmp-wake-up}), {@code concurrency} dispatchers claim the due outbox rows and send them. Retries are
 * scheduled in the outbox rows themselves, so that a restart loses none.
 */
final class DmpDeliveryRoute extends RouteBuilder {

	static final String WAKE_UP = "seda:dmp-wake-up?size=1&blockWhenFull=false&discardIfNoConsumers=true&discardWhenFull=true";

	private final DmpDispatcher dispatcher;
	private final DmpProperties.Dispatcher settings;

	DmpDeliveryRoute(DmpDispatcher dispatcher, DmpProperties.Dispatcher settings) {
		this.dispatcher = dispatcher;
		this.settings = settings;
	}

	@Override
	public void configure() {
		onException(Exception.class).handled(true)
				.log(org.apache.camel.LoggingLevel.ERROR, "DMP delivery round failed: ${exception.message}");
		from("timer:dmp-delivery?fixedRate=false&delay=" + settings.interval().toMillis() + "&period="
				+ settings.interval().toMillis()).routeId("dmp-delivery-poll").to("direct:dmp-deliver");
		from(WAKE_UP).routeId("dmp-delivery-wake-up").to("direct:dmp-deliver");
		ExecutorService workers = getContext().getExecutorServiceManager()
				.newFixedThreadPool(this, "dmp-delivery", settings.concurrency());
		from("direct:dmp-deliver").routeId("dmp-delivery").process(exchange -> {
			// concurrency dispatchers at once: each claims its own rows (SKIP LOCKED), one at a time.
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < settings.concurrency(); i++) {
				running.add(workers.submit(this::drain));
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		});
	}

	private void drain() {
		int batch = settings.batchSize();
		while (dispatcher.dispatchDue(batch, settings.lease()) == batch) {
			// a full batch: more may be due
		}
	}
}
