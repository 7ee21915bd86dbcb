package fr.ccamhub.bench.ledger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Command-line options of the form {@code --name value}; each harness names the ones it knows and their defaults. */
final class Arguments {

	private final Map<String, String> values = new HashMap<>();

	Arguments(String[] args, Set<String> known) {
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
			}
			String name = args[i].substring(2);
			if (!known.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name + "; known: " + new TreeSet<>(known));
			}
			values.put(name, args[i + 1]);
		}
	}

	long number(String name, long defaultValue) {
		String value = values.get(name);
		return value == null ? defaultValue : Long.parseLong(value.replace("_", "").replace(",", ""));
	}

	String text(String name, String defaultValue) {
		return values.getOrDefault(name, defaultValue);
	}

	/** A comma-separated list of numbers, e.g. {@code --every 1000,10000}. */
	List<Long> numbers(String name, List<Long> defaultValue) {
		String value = values.get(name);
		if (value == null) {
			return defaultValue;
		}
		return Arrays.stream(value.split(",")).map(String::trim).map(Long::parseLong).toList();
	}
}
