package fr.ccamhub.terminology.suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Phrases that coders validated with a code (acceptances and overrides). A new note that reads
 * like a remembered phrase brings the validated code forward as evidence, so a correction made
 * once is not needed twice. Notes are kept as stems only, never as raw text.
 */
public final class CodingMemory {

	/** How close (Jaccard on stems) a note must be to a remembered phrase to count as evidence. */
	static final double MIN_SIMILARITY = 0.5;
	/** Words that change no code (the side, filler): left out when comparing notes. */
	private static final Set<String> NEUTRAL = Set.of("droit", "droite", "gauch", "gauche", "g", "d", "bilateral", "intervention",
			"patient", "patiente", "an", "ans", "mois", "urgenc", "urgence");

	private final Stems stems;
	private final List<Example> examples = new ArrayList<>();
	private final Map<String, Set<Integer>> examplesByStem = new HashMap<>();
	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	public CodingMemory(Stems stems) {
		this.stems = stems;
	}

	/** Records that a coder validated {@code code} for this note. */
	public void remember(String text, String code) {
		Set<String> noteStems = significant(text);
		if (noteStems.isEmpty()) {
			return;
		}
		lock.writeLock().lock();
		try {
			int id = examples.size();
			examples.add(new Example(noteStems, code));
			for (String stem : noteStems) {
				examplesByStem.computeIfAbsent(stem, k -> new HashSet<>()).add(id);
			}
		} finally {
			lock.writeLock().unlock();
		}
	}

	/**
	 * For each code validated on a phrase close to the note, the best similarity (0-1); the most
	 * recent decision wins between equally close phrases that were coded differently.
	 */
	public Map<String, Double> evidence(String text) {
		Set<String> noteStems = significant(text);
		Map<String, Double> byCode = new HashMap<>();
		lock.readLock().lock();
		try {
			Set<Integer> candidates = new HashSet<>();
			for (String stem : noteStems) {
				candidates.addAll(examplesByStem.getOrDefault(stem, Set.of()));
			}
			Map<Set<String>, Integer> latestByPhrase = new HashMap<>();
			for (int id : candidates) {
				latestByPhrase.merge(examples.get(id).stems(), id, Math::max);
			}
			for (int id : latestByPhrase.values()) {
				Example example = examples.get(id);
				double similarity = jaccard(noteStems, example.stems());
				if (similarity >= MIN_SIMILARITY) {
					byCode.merge(example.code(), similarity, Math::max);
				}
			}
		} finally {
			lock.readLock().unlock();
		}
		return byCode;
	}

	private Set<String> significant(String text) {
		Set<String> significant = new HashSet<>(stems.set(text));
		significant.removeAll(NEUTRAL);
		significant.removeIf(stem -> stem.chars().allMatch(Character::isDigit));
		return significant;
	}

	private static double jaccard(Set<String> a, Set<String> b) {
		int common = 0;
		for (String stem : a) {
			if (b.contains(stem)) {
				common++;
			}
		}
		int union = a.size() + b.size() - common;
		return union == 0 ? 0 : (double) common / union;
	}

	private record Example(Set<String> stems, String code) {
	}
}
