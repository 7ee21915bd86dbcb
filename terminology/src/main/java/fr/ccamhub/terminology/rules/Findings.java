package fr.ccamhub.terminology.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one rule run; rules only append to it. */
public final class Findings {

	private final List<Finding> list = new ArrayList<>();

	public void add(String ruleId, Severity severity, int act, String messageFr, String messageEn) {
		list.add(new Finding(ruleId, severity, List.of(act), null, messageFr, messageEn));
	}

	public void addForModifier(String ruleId, Severity severity, int act, String modifier, String messageFr, String messageEn) {
		list.add(new Finding(ruleId, severity, List.of(act), modifier, messageFr, messageEn));
	}

	public void addForActs(String ruleId, Severity severity, List<Integer> acts, String messageFr, String messageEn) {
		list.add(new Finding(ruleId, severity, acts, null, messageFr, messageEn));
	}

	List<Finding> toList() {
		return List.copyOf(list);
	}
}
