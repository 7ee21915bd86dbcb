package fr.ccamhub.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

	@Test
	void percentilesAreNearestRank() {
		Latencies latencies = new Latencies(2);
		for (long nanos = 100; nanos >= 1; nanos--) {
			latencies.record(nanos * 1000);
		}

		assertThat(latencies.count()).isEqualTo(100);
		assertThat(latencies.percentile(50)).isEqualTo(50_000);
		assertThat(latencies.percentile(95)).isEqualTo(95_000);
		assertThat(latencies.percentile(99)).isEqualTo(99_000);
		assertThat(latencies.max()).isEqualTo(100_000);
		assertThat(latencies.mean()).isEqualTo(50_500);
	}

	@Test
	void aSingleDurationIsEveryPercentile() {
		Latencies latencies = new Latencies(10);
		latencies.record(1_234_567);

		assertThat(latencies.percentile(1)).isEqualTo(1_234_567);
		assertThat(Latencies.millis(latencies.percentile(99))).isEqualTo("1.235");
		assertThat(Latencies.millis(12_345_678)).isEqualTo("12.3");
	}
}
