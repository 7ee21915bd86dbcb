package fr.ccamhub.terminology.ccam;

/** Which patients an act may be billed for, from the CCAM NX {@code compatibilite_sexe} field. */
public enum CcamSexRestriction {
	ANY("0"),
	MALE_ONLY("1"),
	FEMALE_ONLY("2");

	private final String ccamCode;

	CcamSexRestriction(String ccamCode) {
		this.ccamCode = ccamCode;
	}

	public String ccamCode() {
		return ccamCode;
	}

	public static CcamSexRestriction fromCcamCode(String code) {
		for (CcamSexRestriction value : values()) {
			if (value.ccamCode.equals(code)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown CCAM sex compatibility code: '" + code + "'");
	}
}
