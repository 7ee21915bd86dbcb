package fr.ccamhub.terminology.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The abbreviations and synonyms clinicians write (écho, TDM, cœlio, FOGD, PTH...) and the CCAM
 * label words they stand for. Expanding a note adds those words; the note's own words are kept.
 */
public final class ClinicalVocabulary {

	public static final String DEFAULT_RESOURCE = "suggest/vocabulaire-clinique.tsv";

	private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:['-][a-z0-9]+)*");
	/** A tooth in FDI notation ("la 36", "dent 11", "sur la 75"): dental acts say "dent". */
	private static final Pattern TOOTH = Pattern.compile("\\b(?:la|le|sur la|de la|dent|dents|en)\\s+(?:[1-4][1-8]|[5-8][1-5])\\b");

	/** Entries by their first word; each entry is the term's words and its expansion. */
	private final Map<String, List<Entry>> entriesByFirstWord;

	private ClinicalVocabulary(List<Entry> entries) {
		Map<String, List<Entry>> byFirst = new HashMap<>();
		for (Entry entry : entries) {
			byFirst.computeIfAbsent(entry.words().get(0), k -> new ArrayList<>()).add(entry);
		}
		byFirst.values().forEach(list -> list.sort((a, b) -> b.words().size() - a.words().size()));
		this.entriesByFirstWord = byFirst;
	}

	public static ClinicalVocabulary load() {
		return load(ClinicalVocabulary.class.getClassLoader(), DEFAULT_RESOURCE);
	}

	public static ClinicalVocabulary load(ClassLoader classLoader, String resource) {
		InputStream in = classLoader.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Clinical vocabulary not found on the classpath: " + resource);
		}
		List<Entry> entries = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#") || line.startsWith("term\t")) {
					continue;
				}
				String[] columns = line.split("\t");
				if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
					throw new IllegalStateException(resource + " line " + number + ": expected \"term<TAB>expansion\"");
				}
				entries.add(new Entry(words(columns[0]), columns[1].trim()));
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + resource, e);
		}
		return new ClinicalVocabulary(entries);
	}

	/**
	 * The note followed by the synonyms of every term found in it (longest term first at each word),
	 * and apart the broader terms those entries give.
	 */
	public Expansion expand(String text) {
		Set<String> expansions = new LinkedHashSet<>();
		collect(words(text), expansions);
		collect(words(text.replace('-', ' ')), expansions);
		if (TOOTH.matcher(TextNormalizer.fold(text)).find()) {
			expansions.add("dent");
		}
		StringBuilder synonyms = new StringBuilder(text);
		StringBuilder broader = new StringBuilder();
		for (String expansion : expansions) {
			int tilde = expansion.indexOf('~');
			synonyms.append(' ').append(tilde < 0 ? expansion : expansion.substring(0, tilde));
			if (tilde >= 0) {
				broader.append(' ').append(expansion.substring(tilde + 1));
			}
		}
		return new Expansion(synonyms.toString(), broader.toString().strip());
	}

	/** A note with its synonyms added, and the broader terms that count for less. */
	public record Expansion(String text, String broader) {
	}

	private void collect(List<String> words, Set<String> expansions) {
		int i = 0;
		while (i < words.size()) {
			int matched = 0;
			for (Entry entry : entriesByFirstWord.getOrDefault(words.get(i), List.of())) {
				if (entry.words().size() < matched) {
					break;
				}
				if (entry.matchesAt(words, i)) {
					expansions.add(entry.expansion());
					matched = entry.words().size();
				}
			}
			i += Math.max(1, matched);
		}
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(TextNormalizer.fold(text));
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

	private record Entry(List<String> words, String expansion) {

		boolean matchesAt(List<String> text, int start) {
			if (start + words.size() > text.size()) {
				return false;
			}
			return text.subList(start, start + words.size()).equals(words);
		}
	}
}
