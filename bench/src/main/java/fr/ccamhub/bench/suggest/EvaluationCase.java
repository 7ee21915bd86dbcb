package fr.ccamhub.bench.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One sentence of an evaluation set: the note, its gold code, other codes equally right, the
 * modifiers its context implies, and whether the note is ambiguous on purpose (a question is due).
 */
public record EvaluationCase(String text, String gold, Set<String> alsoCorrect, Set<String> modifiers, boolean ambiguous) {

	public static final String DEV_SET = "suggest/dev-set.tsv";
	public static final String CALIBRATION_SET = "suggest/calibration-set.tsv";
	public static final String BLIND_SET = "suggest/blind-set.tsv";

	public boolean accepts(String code) {
		return gold.equals(code) || alsoCorrect.contains(code);
	}

	public static List<EvaluationCase> load(String resource) {
		InputStream in = EvaluationCase.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Evaluation set not on the classpath: " + resource);
		}
		List<EvaluationCase> cases = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null || !header.startsWith("text\tgold")) {
				throw new IllegalStateException(resource + ": header must be text, gold, also_correct, modifiers, ambiguous");
			}
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				String[] columns = Arrays.copyOf(line.split("\t", -1), 5);
				cases.add(new EvaluationCase(columns[0].trim(), columns[1].trim(), codes(columns[2]), codes(columns[3]),
						"yes".equalsIgnoreCase(columns[4] == null ? "" : columns[4].trim())));
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return cases;
	}

	private static Set<String> codes(String column) {
		Set<String> codes = new LinkedHashSet<>();
		if (column != null) {
			for (String code : column.split("\\|")) {
				if (!code.isBlank()) {
					codes.add(code.trim());
				}
			}
		}
		return codes;
	}
}
