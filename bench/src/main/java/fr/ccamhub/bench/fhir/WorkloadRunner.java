package fr.ccamhub.bench.fhir;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a workload's clients back to back: a warm-up (not recorded), then the measured window. A request is measured
 * when it completes inside the window, so requests/s is completions in the window over its length; threads stop
 * starting requests at the window's end and finish the one in flight. A non-2xx answer, a wrong answer (a search
 * with too few entries) or an I/O failure is an error; the first one is kept, with its body.
 */
final class WorkloadRunner {

	private final Duration warmUp;
	private final Duration measured;

	WorkloadRunner(Duration warmUp, Duration measured) {
		this.warmUp = warmUp;
		this.measured = measured;
	}

	WorkloadResult run(Workload workload) throws InterruptedException {
		int clients = workload.clients();
		List<LatencyRecorder> recorders = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		AtomicLong warmUpErrors = new AtomicLong();
		AtomicLong sent = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch go = new CountDownLatch(1);
		long[] window = new long[2];
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			LatencyRecorder recorder = new LatencyRecorder();
			recorders.add(recorder);
			Workload.Client client = workload.client().apply(i);
			Thread thread = new Thread(() -> {
				ready.countDown();
				try {
					go.await();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				long windowStart = window[0];
				long windowEnd = window[1];
				while (System.nanoTime() < windowEnd && !Thread.currentThread().isInterrupted()) {
					long start = System.nanoTime();
					String problem;
					try {
						problem = client.call();
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return;
					} catch (Exception e) {
						problem = "no answer: " + e;
					}
					long end = System.nanoTime();
					sent.incrementAndGet();
					boolean inWindow = end >= windowStart && end <= windowEnd;
					if (problem != null) {
						(inWindow ? errors : warmUpErrors).incrementAndGet();
						firstError.compareAndSet(null, (inWindow ? "" : "(warm-up) ") + problem);
					} else if (inWindow) {
						recorder.record(end - start);
					}
				}
			}, workload.name() + "-" + i);
			threads.add(thread);
			thread.start();
		}
		ready.await();
		long now = System.nanoTime();
		window[0] = now + warmUp.toNanos();
		window[1] = window[0] + measured.toNanos();
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		LatencyRecorder all = new LatencyRecorder();
		recorders.forEach(all::addAll);
		return new WorkloadResult(workload, measured.toNanos() / 1e9, all.count(), errors.get(), warmUpErrors.get(),
				sent.get(), all, firstError.get(), Map.of());
	}
}
