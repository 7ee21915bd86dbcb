package fr.ccamhub.terminology.rules;

import java.util.Set;

/**
 * "{@code subject} may not go with {@code other}": each side is an act code or a chapter code
 * (which covers every act below it). {@code exceptions} are acts the other side does not cover;
 * a conditional rule (same limb, same dental arch...) is only a warning, since the acts do not
 * say where they were performed. {@code source} says where the rule comes from, for the message.
 */
public record ActPairRule(String subject, String other, Set<String> exceptions, boolean conditional, String source) {

	public ActPairRule {
		exceptions = Set.copyOf(exceptions);
	}

	/** Whether an act (code and its chapter) falls under a side of the rule. */
	static boolean covers(String side, String code, String chapter) {
		return side.equals(code) || chapter.equals(side) || chapter.startsWith(side + ".");
	}

	boolean coversOther(String code, String chapter) {
		return !exceptions.contains(code) && covers(other, code, chapter);
	}
}
