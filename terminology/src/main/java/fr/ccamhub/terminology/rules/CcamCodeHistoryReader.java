package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.ClasspathCsv;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a CCAM NX act table ({@code code,...,date_debut,date_fin}) into a {@link CcamCodeHistory}. */
public final class CcamCodeHistoryReader {

	/** ATIH descriptive codes have an act number in the 800s (e.g. AHGA801): PMSI only, not in the billing CCAM. */
	private static final Pattern PMSI_ONLY = Pattern.compile("[A-Z]{4}8\\d\\d");

	private final ClassLoader classLoader;

	public CcamCodeHistoryReader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	public CcamCodeHistory read(String path, LocalDate knownUntil) {
		Map<String, CcamCodeHistory.Validity> validity = new HashMap<>();
		ClasspathCsv.forEachRecord(classLoader, path, record -> {
			String code = record.get("code");
			String end = record.get("date_fin");
			validity.put(code, new CcamCodeHistory.Validity(
					LocalDate.parse(record.get("date_debut")),
					end.isBlank() ? null : LocalDate.parse(end),
					PMSI_ONLY.matcher(code).matches()));
		});
		return new CcamCodeHistory(validity, knownUntil);
	}
}
