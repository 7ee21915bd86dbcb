package fr.ccamhub.bench.fhir;

import java.io.IOException;
import java.util.function.IntFunction;

/**
 * One measured workload: {@code clients} threads, each running its own {@link Client} back to back.
 *
 * @param name short name, used in {@code result} lines and by {@code --only}
 * @param description what one request is, for the table
 * @param clients client threads
 * @param resourcesPerRequest resources one request writes (100 for the 100-Observation Bundle), for resources/s
 * @param client makes the per-thread client of thread number i
 */
record Workload(String name, String description, int clients, int resourcesPerRequest, IntFunction<Client> client) {

	/** One thread's requests; it may keep state (counters, identifiers already sent). */
	interface Client {
		/** Sends one request; returns null when the answer is right, else what is wrong with it. */
		String call() throws IOException, InterruptedException;
	}
}
