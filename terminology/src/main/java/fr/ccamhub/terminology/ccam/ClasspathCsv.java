package fr.ccamhub.terminology.ccam;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the shipped CCAM tables: UTF-8, RFC 4180, a header row; a bad record names its file and line. */
public final class ClasspathCsv {

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.build();

	private ClasspathCsv() {
	}

	public static InputStream open(ClassLoader classLoader, String path) {
		InputStream in = classLoader.getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException("CCAM data file not found on the classpath: " + path);
		}
		return in;
	}

	public static void forEachRecord(ClassLoader classLoader, String path, Consumer<CSVRecord> consumer) {
		try (Reader reader = new InputStreamReader(open(classLoader, path), StandardCharsets.UTF_8);
				CSVParser parser = CSV.parse(reader)) {
			for (CSVRecord record : parser) {
				try {
					consumer.accept(record);
				} catch (RuntimeException e) {
					throw new IllegalStateException(
							"Bad CCAM record in " + path + " at line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read CCAM data file " + path, e);
		}
	}
}
