package fr.ccamhub.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A server of its own for tests that need another configuration than the shared one. */
final class StandaloneServer {

	private StandaloneServer() {
	}

	/** Starts on a random HTTP port, with its data in {@code dataDirectory} and MLLP on {@code mllpPort}. */
	static ConfigurableApplicationContext start(Path dataDirectory, int mllpPort, String... settings) {
		List<String> args = new ArrayList<>(List.of(
				"--server.port=0",
				"--ccamhub.data-directory=" + dataDirectory,
				"--ccamhub.terminology.ccam.load-on-startup=false",
				"--ccamhub.hl7.mllp.port=" + mllpPort));
		args.addAll(List.of(settings));
		return new SpringApplicationBuilder(CcamhubApplication.class).run(args.toArray(String[]::new));
	}
}
