package fr.ccamhub.bench.ledger;

import java.lang.management.ManagementFactory;

/** The machine's load average, printed beside the figures: other work on a 2-core machine moves them. */
final class HostLoad {

	private HostLoad() {
	}

	static String describe() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return load < 0 ? "load average unknown" : String.format("load average %.2f (1 min)", load);
	}
}
