package fr.ccamhub.terminology.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pair rules indexed by their subject, so the rules that bear on an act are found by looking up
 * its code and each of its chapters ({@code 07.03.05}, {@code 07.03}, {@code 07}).
 */
public final class ActPairIndex {

	private final Map<String, List<ActPairRule>> bySubject = new HashMap<>();
	private int size;

	public ActPairIndex(Collection<ActPairRule> rules) {
		for (ActPairRule rule : rules) {
			bySubject.computeIfAbsent(rule.subject(), key -> new ArrayList<>()).add(rule);
			size++;
		}
	}

	public int size() {
		return size;
	}

	/** The first rule saying the act {@code code} (in {@code chapter}) may not go with {@code otherCode}. */
	public ActPairRule find(String code, String chapter, String otherCode, String otherChapter) {
		ActPairRule rule = findIn(bySubject.get(code), otherCode, otherChapter);
		String node = chapter;
		while (rule == null && node != null && !node.isEmpty()) {
			rule = findIn(bySubject.get(node), otherCode, otherChapter);
			node = CcamRuleBook.parent(node);
		}
		return rule;
	}

	private static ActPairRule findIn(List<ActPairRule> rules, String otherCode, String otherChapter) {
		if (rules == null) {
			return null;
		}
		for (ActPairRule rule : rules) {
			if (rule.coversOther(otherCode, otherChapter)) {
				return rule;
			}
		}
		return null;
	}
}
