package fr.ccamhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Synthea transaction bundles in a directory, in load order: hospital information, then practitioner information
 * (patient bundles refer to both with conditional references), then patients by file name.
 */
final class SyntheaFiles {

	private static final String HOSPITALS = "hospitalInformation";
	private static final String PRACTITIONERS = "practitionerInformation";

	private SyntheaFiles() {}

	/** The shared bundles (hospitals and practitioners), to load first and one after the other. */
	static List<Path> shared(Path directory) {
		return Stream.concat(
						list(directory).stream().filter(path -> name(path).startsWith(HOSPITALS)),
						list(directory).stream().filter(path -> name(path).startsWith(PRACTITIONERS)))
				.toList();
	}

	static List<Path> patients(Path directory) {
		return list(directory).stream()
				.filter(path -> !name(path).startsWith(HOSPITALS) && !name(path).startsWith(PRACTITIONERS))
				.toList();
	}

	static String name(Path path) {
		return path.getFileName().toString();
	}

	private static List<Path> list(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new IllegalArgumentException("No Synthea set in " + directory.toAbsolutePath()
					+ ": build it with mvn -B -DskipTests -Dsynthea.skip=false package (profile synthea-generate of fhir-server)");
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(path -> name(path).endsWith(".json")).sorted(Comparator.comparing(SyntheaFiles::name)).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
