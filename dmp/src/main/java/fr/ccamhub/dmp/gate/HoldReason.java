package fr.ccamhub.dmp.gate;

/**
 * Why a document is held back from the DMP, with the sentence an administrator reads (in French: the console and the
 * admin API show it as is).
 */
public enum HoldReason {
	/** An active Consent with policy {@code opposition-partage-dmp}. */
	OPPOSITION("opposition-partage-dmp",
			"Le patient s'oppose à l'alimentation de son DMP (consentement opposition-partage-dmp actif)."),
	/** An active Consent with policy {@code acces-restreint}. */
	RESTRICTED_ACCESS("acces-restreint",
			"Le dossier du patient est en accès restreint (consentement acces-restreint actif) : aucun envoi au DMP."),
	/** No INS identifier on the patient. */
	NO_INS("ins-absent", "Le patient n'a pas d'INS : le DMP n'est alimenté que sous l'INS qualifiée du patient."),
	/** An INS whose key (or form) is wrong. */
	INVALID_INS("ins-invalide", "L'INS du patient est invalide : %s."),
	/** An INS on an identity whose status is not one that qualifies it. */
	UNQUALIFIED_IDENTITY("identite-non-qualifiee",
			"L'identité du patient n'est pas qualifiée (statut %s, attendu %s) : l'INS ne peut pas être utilisée."),
	/** The document's patient cannot be read. */
	NO_PATIENT("patient-introuvable", "Le patient du document est introuvable.");

	private final String code;
	private final String text;

	HoldReason(String code, String text) {
		this.code = code;
		this.text = text;
	}

	/** A stable code, stored with the held item and used in metrics. */
	public String code() {
		return code;
	}

	/** The readable sentence, with the details filled in. */
	public String describe(Object... details) {
		return details.length == 0 ? text : String.format(java.util.Locale.FRENCH, text, details);
	}

	public static HoldReason ofCode(String code) {
		for (HoldReason reason : values()) {
			if (reason.code.equals(code)) {
				return reason;
			}
		}
		throw new IllegalArgumentException("unknown hold reason " + code);
	}
}
