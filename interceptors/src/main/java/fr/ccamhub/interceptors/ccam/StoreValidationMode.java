package fr.ccamhub.interceptors.ccam;

/** What happens when a Procedure or Claim is stored with CCAM rule errors (unknown codes are always refused). */
public enum StoreValidationMode {
	/** Refuse the write with 422 and the findings. */
	REJECT,
	/** Store it, tag it {@code ccam-controle#erreurs}, and return the findings as warnings. */
	FLAG
}
