package fr.ccamhub.bench.ledger;

import fr.ccamhub.ledger.anchor.HardhatNode;
import fr.ccamhub.ledger.anchor.AnchorSettings;
import fr.ccamhub.ledger.anchor.ChainAnchor;
import fr.ccamhub.ledger.anchor.EvmAnchorClient;
import fr.ccamhub.ledger.merkle.MerkleLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Gas of anchoring tree heads with {@code EvmAnchorClient} on a real Hardhat node: deploys the {@code TreeHeadAnchor}
 * contract, anchors {@code --anchors} heads of an in-memory log of sample entries at sizes N, 2N, 3N, ... for each N
 * of {@code --every} (one fresh contract per N), and reads every receipt's {@code gasUsed}. Prints the deployment gas,
 * gas per anchor (min / median / max) and gas per entry (median anchor / N).
 *
 * <p>Run from the repository root (or pass {@code --evm <ledger/evm>}):
 * {@code java -cp bench/target/benchmarks.jar fr.ccamhub.bench.ledger.AnchorGasMeasurement}
 */
public final class AnchorGasMeasurement {

	private static final Instant FIRST_HEAD = Instant.parse("2026-11-21T08:00:00Z");

	private AnchorGasMeasurement() {
	}

	public static void main(String[] args) throws Exception {
		Arguments arguments = new Arguments(args, Set.of("evm", "anchors", "every"));
		Path evm = HardhatNode.evmDirectory(arguments.text("evm", null));
		int anchors = (int) arguments.number("anchors", 20);
		List<Long> everies = arguments.numbers("every", List.of(1000L, 10_000L));

		MerkleLog log = SampleLogs.inMemory(anchors * Collections.max(everies));
		TextTable table = new TextTable("anchor every N", "anchors", "deploy gas", "gas/anchor min", "median", "max",
				"gas/entry (median/N)", "anchor() p50 ms");
		try (HardhatNode node = HardhatNode.start(evm)) {
			Web3j web3j = Web3j.build(new HttpService(node.url()));
			try {
				System.out.printf("%s at %s, %s%n", web3j.web3ClientVersion().send().getWeb3ClientVersion(), node.url(),
						HostLoad.describe());
				AnchorSettings settings = new AnchorSettings(node.url(), HardhatNode.CHAIN_ID, null,
						HardhatNode.ACCOUNT_0_KEY, 1, Duration.ofMillis(20), Duration.ofSeconds(30));
				for (long every : everies) {
					AnchorSeries series = anchorSeries(settings, new GasReceipts(web3j), log, every, anchors);
					System.out.printf("every %,d: gas per anchor %s%n", every, Arrays.toString(series.gas()));
					series.addTo(table);
				}
			} finally {
				web3j.shutdown();
			}
		}
		System.out.println();
		System.out.print(table.format());
	}

	/** Deploys a fresh contract and anchors the log's heads at sizes every, 2·every, … anchors·every. */
	private static AnchorSeries anchorSeries(AnchorSettings settings, GasReceipts receipts, MerkleLog log, long every,
			int anchors) throws Exception {
		String contract;
		try (EvmAnchorClient deployer = new EvmAnchorClient(settings)) {
			deployer.verifyChainId();
			contract = deployer.deployContract();
		}
		long[] gas = new long[anchors];
		Latencies times = new Latencies(anchors);
		try (EvmAnchorClient client = new EvmAnchorClient(settings.withContractAddress(contract))) {
			for (int k = 1; k <= anchors; k++) {
				long size = k * every;
				byte[] root = log.rootAt(size);
				long timestamp = FIRST_HEAD.plusSeconds(60L * k).toEpochMilli();
				long start = System.nanoTime();
				ChainAnchor anchor = client.anchor(size, root, timestamp);
				times.record(System.nanoTime() - start);
				gas[k - 1] = receipts.gasUsed(anchor.transactionHash());
			}
		}
		return new AnchorSeries(every, receipts.deploymentGas(contract), gas, times);
	}

	/** The gas of one contract's deployment and of its anchors, in anchoring order, with the time of each anchor() call. */
	private record AnchorSeries(long every, long deployGas, long[] gas, Latencies times) {

		void addTo(TextTable table) {
			long[] sorted = gas.clone();
			Arrays.sort(sorted);
			long lowerMedian = sorted[(sorted.length - 1) / 2];
			table.row(String.format("%,d", every), gas.length, String.format("%,d", deployGas), String.format("%,d", sorted[0]),
					String.format("%,d", lowerMedian), String.format("%,d", sorted[sorted.length - 1]),
					String.format("%.2f", lowerMedian / (double) every), Latencies.millis(times.percentile(50)));
		}
	}
}
