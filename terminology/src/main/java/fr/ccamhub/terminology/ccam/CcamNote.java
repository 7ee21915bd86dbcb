package fr.ccamhub.terminology.ccam;

/** A note of the nomenclature (exclusion, billing rule, indication, ...) attached to an act or chapter. */
public record CcamNote(NoteKind kind, String rubric, String text) {

	/** Families of notes that later consumers (rules, coder) treat differently. */
	public enum NoteKind {
		EXCLUSION("noteExclusion"),
		BILLING("noteFacturation"),
		INDICATION("noteIndication"),
		WITH_OR_WITHOUT("noteAvecOuSans"),
		INCLUDES("noteComprend"),
		CODE_ALSO("noteCoderEventuellement"),
		ENVIRONMENT("noteEnvironnement"),
		TRAINING("noteFormation"),
		DATA_COLLECTION("noteRecueilProspectif"),
		OTHER("note");

		private final String code;

		NoteKind(String code) {
			this.code = code;
		}

		/** Stable code, used as the concept property code of notes of this kind. */
		public String code() {
			return code;
		}
	}

	/** Classifies a note from its rubric (the text before the first colon) and its text. */
	public static CcamNote of(String rubric, String text) {
		return new CcamNote(classify(rubric == null ? "" : rubric, text), rubric == null ? "" : rubric.trim(), text.trim());
	}

	private static NoteKind classify(String rubric, String text) {
		String head = normalise(rubric.isBlank() ? text : rubric);
		if (head.startsWith("a l'exclusion") || head.startsWith("a l’exclusion")) {
			return NoteKind.EXCLUSION;
		}
		if (head.startsWith("facturation")) {
			return NoteKind.BILLING;
		}
		if (head.startsWith("indication")) {
			return NoteKind.INDICATION;
		}
		if (head.startsWith("avec ou sans")) {
			return NoteKind.WITH_OR_WITHOUT;
		}
		if (head.startsWith("comprend")) {
			return NoteKind.INCLUDES;
		}
		if (head.startsWith("coder eventuellement")) {
			return NoteKind.CODE_ALSO;
		}
		if (head.startsWith("environnement")) {
			return NoteKind.ENVIRONMENT;
		}
		if (head.startsWith("formation")) {
			return NoteKind.TRAINING;
		}
		if (head.startsWith("recueil prospectif")) {
			return NoteKind.DATA_COLLECTION;
		}
		return NoteKind.OTHER;
	}

	private static String normalise(String value) {
		return java.text.Normalizer.normalize(value.trim().toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
				.replaceAll("\\p{M}", "");
	}
}
