package fr.ccamhub.server.synthea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Few patient bundles that together hold every resource type the whole Synthea set holds (smallest
 * first, greedily), so that a test run proves every type is accepted without loading 77 MB twice.
 * The whole set is loaded by {@code bench/synthea.sh}.
 */
public final class SyntheaTypeCover {

	private SyntheaTypeCover() {}

	/** Types each bundle holds. */
	public static Map<Path, Set<String>> typesByBundle(List<Path> bundles) {
		ObjectMapper json = new ObjectMapper();
		Map<Path, Set<String>> types = new HashMap<>();
		for (Path bundle : bundles) {
			try {
				Set<String> inBundle = new TreeSet<>();
				for (JsonNode entry : json.readTree(Files.newInputStream(bundle)).path("entry")) {
					inBundle.add(entry.path("resource").path("resourceType").asText());
				}
				types.put(bundle, inBundle);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return types;
	}

	/** Bundles, smallest first, picked while they add a type not yet covered, skipping those in {@code avoid}. */
	public static List<Path> cover(Map<Path, Set<String>> typesByBundle, Set<Path> avoid) {
		Set<String> all = new TreeSet<>();
		typesByBundle.values().forEach(all::addAll);
		List<Path> bySize = typesByBundle.keySet().stream().filter(p -> !avoid.contains(p))
				.sorted(Comparator.comparingLong(SyntheaTypeCover::size)).toList();
		Set<String> covered = new TreeSet<>();
		List<Path> chosen = new ArrayList<>();
		while (!covered.containsAll(all)) {
			Path best = null;
			int bestGain = 0;
			for (Path candidate : bySize) {
				Set<String> gain = new TreeSet<>(typesByBundle.get(candidate));
				gain.removeAll(covered);
				if (gain.size() > bestGain) {
					best = candidate;
					bestGain = gain.size();
				}
			}
			if (best == null) {
				break;
			}
			chosen.add(best);
			covered.addAll(typesByBundle.get(best));
		}
		return chosen;
	}

	/** Entries in these bundles: what a complete load stores. */
	public static int entries(List<Path> bundles) {
		ObjectMapper json = new ObjectMapper();
		int entries = 0;
		for (Path bundle : bundles) {
			try {
				entries += json.readTree(Files.newInputStream(bundle)).path("entry").size();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return entries;
	}

	/** Every type of the set. */
	public static Set<String> allTypes(Map<Path, Set<String>> typesByBundle) {
		Set<String> all = new TreeSet<>();
		typesByBundle.values().forEach(all::addAll);
		return all;
	}

	private static long size(Path path) {
		try {
			return Files.size(path);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
