package fr.ccamhub.terminology.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Maps the ranker's raw certainty (0-1) to a confidence (0-100) that reads as a probability: among
 * suggestions given confidence c, about c % are right. The table is a monotone step function fitted
 * by isotonic regression (pool adjacent violators) on evaluated notes. Each step's confidence is
 * the lower bound of the one-sided 90 % Wilson interval of its share right, kept monotone: a step
 * fitted on few notes, or on notes whose phrasing the vocabulary was tuned on, stays modest.
 */
public final class ConfidenceCalibration {

	public static final String DEFAULT_RESOURCE = "suggest/calibration.csv";

	private final List<Step> steps;

	ConfidenceCalibration(List<Step> steps) {
		this.steps = List.copyOf(steps);
	}

	/** The shipped table; without one, confidence is the raw certainty as a percentage. */
	public static ConfidenceCalibration load() {
		InputStream in = ConfidenceCalibration.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
		if (in == null) {
			return new ConfidenceCalibration(List.of());
		}
		List<Step> steps = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("raw_from")) {
					continue;
				}
				String[] columns = line.split(",");
				steps.add(new Step(Double.parseDouble(columns[0]), Integer.parseInt(columns[1].trim()), Integer.parseInt(columns[2].trim())));
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + DEFAULT_RESOURCE, e);
		}
		return new ConfidenceCalibration(steps);
	}

	/** Fits the table on (raw certainty, was the top suggestion right) pairs. */
	public static ConfidenceCalibration fit(List<Observation> observations) {
		List<Observation> sorted = new ArrayList<>(observations);
		sorted.sort(Comparator.comparingDouble(Observation::raw));
		List<Block> blocks = new ArrayList<>();
		for (Observation observation : sorted) {
			blocks.add(new Block(observation.raw(), observation.correct() ? 1 : 0, 1));
			while (blocks.size() > 1 && blocks.get(blocks.size() - 2).rate() >= blocks.get(blocks.size() - 1).rate()) {
				Block last = blocks.remove(blocks.size() - 1);
				Block previous = blocks.remove(blocks.size() - 1);
				blocks.add(new Block(previous.from(), previous.correct() + last.correct(), previous.count() + last.count()));
			}
		}
		List<Step> steps = new ArrayList<>();
		int floor = 0;
		for (Block block : blocks) {
			floor = Math.max(floor, (int) Math.floor(100.0 * wilsonLowerBound(block.correct(), block.count())));
			steps.add(new Step(block.from(), block.count(), floor));
		}
		return new ConfidenceCalibration(steps);
	}

	/** One-sided 90 % lower bound of a proportion (Wilson score interval). */
	static double wilsonLowerBound(int correct, int count) {
		double z = 1.2816;
		double p = (double) correct / count;
		double z2 = z * z;
		double centre = p + z2 / (2.0 * count);
		double margin = z * Math.sqrt(p * (1 - p) / count + z2 / (4.0 * count * count));
		return Math.max(0, (centre - margin) / (1 + z2 / count));
	}

	public int confidence(double raw) {
		if (steps.isEmpty()) {
			return (int) Math.round(Math.max(0, Math.min(1, raw)) * 100);
		}
		int confidence = steps.get(0).confidence();
		for (Step step : steps) {
			if (raw >= step.rawFrom()) {
				confidence = step.confidence();
			}
		}
		return confidence;
	}

	public List<Step> steps() {
		return steps;
	}

	/** The table as shipped in {@value #DEFAULT_RESOURCE}. */
	public String toCsv(String header) {
		StringBuilder csv = new StringBuilder();
		header.lines().forEach(line -> csv.append("# ").append(line).append('\n'));
		csv.append("raw_from,observations,confidence\n");
		for (Step step : steps) {
			csv.append(String.format(Locale.ROOT, "%.4f,%d,%d%n", step.rawFrom(), step.observations(), step.confidence()));
		}
		return csv.toString();
	}

	/** From this raw certainty up, the confidence is {@code confidence}; fitted on {@code observations} notes. */
	public record Step(double rawFrom, int observations, int confidence) {
	}

	/** One evaluated note: the ranker's raw certainty and whether its top suggestion was right. */
	public record Observation(double raw, boolean correct) {
	}

	private record Block(double from, int correct, int count) {
		double rate() {
			return (double) correct / count;
		}
	}
}
