package fr.ccamhub.server.ledger;

import fr.ccamhub.ledger.store.LedgerAnchoring;
import fr.ccamhub.ledger.store.LedgerSequencer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the ledger's background work on two threads: the sequencer drains the outbox shortly (the linger) after a
 * commit that wrote an entry, and at least every interval. Commits made during the linger join the same batch, so
 * a busy server signs one tree head for many entries instead of one per request; the anchorer checks every interval whether a head is due on chain.
 * A failure is logged and retried at the next turn; entries wait safely in the outbox meanwhile.
 */
final class LedgerWorker implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LedgerWorker.class);

	private final LedgerSequencer sequencer;
	private final Duration sequencerInterval;
	private final Duration linger;
	private final Optional<LedgerAnchoring> anchoring;
	private final Duration anchorCheckInterval;
	private final AtomicBoolean drainQueued = new AtomicBoolean();
	private final AtomicLong sequencingFailures = new AtomicLong();
	private final AtomicLong anchoringFailures = new AtomicLong();
	private ScheduledExecutorService sequencing;
	private ScheduledExecutorService anchoringThread;
	private volatile boolean running;

	LedgerWorker(LedgerSequencer sequencer, Duration sequencerInterval, Duration linger, Optional<LedgerAnchoring> anchoring,
			Duration anchorCheckInterval) {
		this.sequencer = sequencer;
		this.sequencerInterval = sequencerInterval;
		this.linger = linger;
		this.anchoring = anchoring;
		this.anchorCheckInterval = anchorCheckInterval;
	}

	/** Asks for a drain soon; calls made while one is queued are folded into it. */
	void wakeUp() {
		ScheduledExecutorService executor = sequencing;
		if (running && executor != null && drainQueued.compareAndSet(false, true)) {
			executor.schedule(this::drain, linger.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void drain() {
		drainQueued.set(false);
		try {
			sequencer.drain();
		} catch (RuntimeException e) {
			sequencingFailures.incrementAndGet();
			log.error("Ledger sequencing failed; entries stay in the outbox and are retried: {}", e.getMessage(), e);
		}
	}

	private void anchor() {
		try {
			anchoring.ifPresent(LedgerAnchoring::anchorIfDue);
		} catch (RuntimeException e) {
			anchoringFailures.incrementAndGet();
			log.error("Ledger anchoring failed; retried in {}: {}", anchorCheckInterval, e.getMessage(), e);
		}
	}

	long sequencingFailures() {
		return sequencingFailures.get();
	}

	/** Failed anchoring turns; a rewritten log shows here, as the contract refuses its root. */
	long anchoringFailures() {
		return anchoringFailures.get();
	}

	@Override
	public void start() {
		sequencer.signInitialHead();
		sequencing = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "ledger-sequencer"));
		sequencing.scheduleWithFixedDelay(this::drain, 0, sequencerInterval.toMillis(), TimeUnit.MILLISECONDS);
		if (anchoring.isPresent()) {
			anchoringThread = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "ledger-anchoring"));
			anchoringThread.scheduleWithFixedDelay(this::anchor, anchorCheckInterval.toMillis(), anchorCheckInterval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		for (ScheduledExecutorService executor : new ScheduledExecutorService[] {sequencing, anchoringThread}) {
			if (executor != null) {
				executor.shutdown();
				try {
					executor.awaitTermination(10, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
		anchoring.ifPresent(LedgerAnchoring::close);
	}

	/** Also stops when start-up fails after this worker started (Spring then destroys beans without stopping them). */
	@Override
	public void destroy() {
		if (running || sequencing != null) {
			stop();
			sequencing = null;
			anchoringThread = null;
		}
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
