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

	/** Starts on a random HTTP port, with its data in {@code dataDirectory} and MLLP on {@code mllpPort}, unless settings say otherwise. */
	static ConfigurableApplicationContext start(Path dataDirectory, int mllpPort, String... settings) {
		List<String> args = new ArrayList<>(List.of(settings));
		for (String fallback : List.of("--server.port=0", "--ccamhub.data-directory=" + dataDirectory,
				"--ccamhub.terminology.ccam.load-on-startup=false", "--ccamhub.hl7.mllp.port=" + mllpPort)) {
			String key = fallback.substring(0, fallback.indexOf('=') + 1);
			if (args.stream().noneMatch(arg -> arg.startsWith(key))) {
				args.add(fallback);
			}
		}
		return new SpringApplicationBuilder(CcamhubApplication.class).run(args.toArray(String[]::new));
	}
}
