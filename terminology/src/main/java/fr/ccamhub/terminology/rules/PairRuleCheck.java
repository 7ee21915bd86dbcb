package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;
import java.util.Objects;

/** Walks the pairs of acts of the same day and looks each pair up, both ways, in a pair index. */
final class PairRuleCheck {

	private PairRuleCheck() {
	}

	interface PairConsumer {
		void accept(int first, int second, CcamAct subject, CcamAct other, ActPairRule rule);
	}

	static void forEachMatch(RuleInput input, ActPairIndex index, PairConsumer consumer) {
		for (int i = 0; i < input.size(); i++) {
			CcamAct a = input.ccam(i).orElse(null);
			if (a == null) {
				continue;
			}
			for (int j = i + 1; j < input.size(); j++) {
				CcamAct b = input.ccam(j).orElse(null);
				if (b == null || a.code().equals(b.code()) || !Objects.equals(input.act(i).serviceDate(), input.act(j).serviceDate())) {
					continue;
				}
				ActPairRule rule = index.find(a.code(), a.chapterCode(), b.code(), b.chapterCode());
				if (rule != null) {
					consumer.accept(i, j, a, b, rule);
					continue;
				}
				rule = index.find(b.code(), b.chapterCode(), a.code(), a.chapterCode());
				if (rule != null) {
					consumer.accept(i, j, b, a, rule);
				}
			}
		}
	}
}
