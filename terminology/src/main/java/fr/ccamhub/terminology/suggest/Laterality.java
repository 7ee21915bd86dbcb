package fr.ccamhub.terminology.suggest;

import java.util.regex.Pattern;

/** Whether a note or a CCAM label speaks of one side or both sides. */
public enum Laterality {
	UNILATERAL,
	BILATERAL,
	UNSTATED;

	private static final Pattern TEXT_BILATERAL = Pattern.compile("\\b(bilat\\w*|des deux cotes|deux seins|deux yeux|2 yeux|2 cotes|les deux)\\b");
	private static final Pattern TEXT_ONE_SIDE = Pattern.compile("\\b(unilat\\w*|gauche|droite?|g|d|od|og)\\b");
	private static final Pattern LABEL_BOTH_FORMS = Pattern.compile("unilateral\\w* ou bilateral|unilateral\\w* et/ou bilateral");
	private static final Pattern LABEL_BILATERAL = Pattern.compile("\\bbilateral\\w*");
	private static final Pattern LABEL_UNILATERAL = Pattern.compile("\\bunilateral\\w*");

	public static Laterality inText(String foldedText) {
		if (TEXT_BILATERAL.matcher(foldedText).find()) {
			return BILATERAL;
		}
		return TEXT_ONE_SIDE.matcher(foldedText).find() ? UNILATERAL : UNSTATED;
	}

	public static Laterality inLabel(String foldedLabel) {
		if (LABEL_BOTH_FORMS.matcher(foldedLabel).find()) {
			return UNSTATED;
		}
		if (LABEL_BILATERAL.matcher(foldedLabel).find()) {
			return BILATERAL;
		}
		return LABEL_UNILATERAL.matcher(foldedLabel).find() ? UNILATERAL : UNSTATED;
	}
}
