package fr.ccamhub.terminology.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a CCAM NX act table ({@code code,...,date_debut,date_fin}) into a {@link CcamCodeHistory}. */
public final class CcamCodeHistoryReader {

	/** ATIH descriptive codes have an act number in the 800s (e.g. AHGA801): PMSI only, not in the billing CCAM. */
	private static final Pattern PMSI_ONLY = Pattern.compile("[A-Z]{4}8\\d\\d");

	private final ClassLoader classLoader;

	public CcamCodeHistoryReader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	public CcamCodeHistory read(String path, LocalDate knownUntil) {
		InputStream in = classLoader.getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException("CCAM history file not found on the classpath: " + path);
		}
		Map<String, CcamCodeHistory.Validity> validity = new HashMap<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			for (CSVRecord record : format.parse(reader)) {
				String code = record.get("code");
				String end = record.get("date_fin");
				validity.put(code, new CcamCodeHistory.Validity(
						LocalDate.parse(record.get("date_debut")),
						end.isBlank() ? null : LocalDate.parse(end),
						PMSI_ONLY.matcher(code).matches()));
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read CCAM history " + path, e);
		}
		return new CcamCodeHistory(validity, knownUntil);
	}
}
