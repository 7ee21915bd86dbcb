package fr.ccamhub.dmp.delivery;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a document again: exponential backoff with jitter (resilience4j's {@link IntervalFunction}), never
 * sooner than the recipient's Retry-After, and no more than {@code maxAttempts} attempts in all. The schedule is kept
 * in the outbox row, so that it survives a restart.
 */
public final class RetrySchedule {

	private final IntervalFunction intervals;
	private final int maxAttempts;

	public RetrySchedule(Duration initialBackoff, double multiplier, double jitter, Duration maxBackoff, int maxAttempts) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("max-attempts must be at least 1, was " + maxAttempts);
		}
		this.intervals = IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff);
		this.maxAttempts = maxAttempts;
	}

	/** Whether another attempt may follow the {@code attempts} made so far. */
	public boolean allowsAnother(int attempts) {
		return attempts < maxAttempts;
	}

	/** When the attempt after the {@code attempts}-th failed one should start. */
	public Instant next(int attempts, Optional<Duration> retryAfter, Instant now) {
		Duration backoff = Duration.ofMillis(intervals.apply(Math.max(1, attempts)));
		Duration wait = retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
		return now.plus(wait);
	}

	public int maxAttempts() {
		return maxAttempts;
	}
}
