package fr.ccamhub.terminology.ccam;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One published version of the CCAM (e.g. V81), fully in memory and immutable. */
public final class CcamRelease {

	private final String version;
	private final LocalDate effectiveDate;
	private final String title;
	private final Map<String, CcamChapter> chapters;
	private final Map<String, CcamAct> acts;
	private final Map<String, CcamModifier> modifiers;
	private final Map<String, String> groupingLabels;

	CcamRelease(
			String version,
			LocalDate effectiveDate,
			String title,
			List<CcamChapter> chapters,
			List<CcamAct> acts,
			List<CcamModifier> modifiers,
			Map<String, String> groupingLabels) {
		this.version = version;
		this.effectiveDate = effectiveDate;
		this.title = title;
		this.chapters = index(chapters, CcamChapter::code);
		this.acts = index(acts, CcamAct::code);
		this.modifiers = index(modifiers, CcamModifier::code);
		this.groupingLabels = Map.copyOf(groupingLabels);
	}

	private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> key) {
		Map<String, T> map = new LinkedHashMap<>();
		for (T item : items) {
			if (map.put(key.apply(item), item) != null) {
				throw new IllegalArgumentException("Duplicate CCAM key " + key.apply(item));
			}
		}
		return java.util.Collections.unmodifiableMap(map);
	}

	/** Version label, e.g. {@code V81}. */
	public String version() {
		return version;
	}

	public LocalDate effectiveDate() {
		return effectiveDate;
	}

	public String title() {
		return title;
	}

	public Collection<CcamChapter> chapters() {
		return chapters.values();
	}

	public Collection<CcamAct> acts() {
		return acts.values();
	}

	public Collection<CcamModifier> modifiers() {
		return modifiers.values();
	}

	public Optional<CcamAct> act(String code) {
		return Optional.ofNullable(acts.get(code));
	}

	public Optional<CcamChapter> chapter(String code) {
		return Optional.ofNullable(chapters.get(code));
	}

	public Optional<CcamModifier> modifier(String code) {
		return Optional.ofNullable(modifiers.get(code));
	}

	public Optional<String> groupingLabel(String grouping) {
		return Optional.ofNullable(groupingLabels.get(grouping));
	}
}
