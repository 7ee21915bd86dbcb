package fr.ccamhub.terminology.rules;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * When each code was open, from an earlier release's act table with validity dates (CCAM NX
 * {@code date_debut}/{@code date_fin}, V78.10 here). {@link #knownUntil()} is the date of that
 * table: a code of the current release missing from it was created after that date.
 */
public final class CcamCodeHistory {

	private final Map<String, Validity> validity;
	private final LocalDate knownUntil;

	public CcamCodeHistory(Map<String, Validity> validity, LocalDate knownUntil) {
		this.validity = Map.copyOf(validity);
		this.knownUntil = knownUntil;
	}

	public static CcamCodeHistory empty() {
		return new CcamCodeHistory(Map.of(), LocalDate.MIN);
	}

	public Optional<Validity> validity(String code) {
		return Optional.ofNullable(validity.get(code));
	}

	public LocalDate knownUntil() {
		return knownUntil;
	}

	/**
	 * Opening and closing dates (end exclusive, empty while open) and whether the code is one of
	 * the ATIH descriptive codes used only for hospital activity reporting (PMSI), never billed.
	 */
	public record Validity(LocalDate start, LocalDate end, boolean pmsiOnly) {

		public boolean openOn(LocalDate date) {
			return !date.isBefore(start) && (end == null || date.isBefore(end));
		}
	}
}
