package fr.ccamhub.terminology.rules;

/** The two CCAM tariff grids: sector 1 or OPTAM/OPTAM-ACO signatory, and everyone else. */
public enum TariffSector {
	SECTOR_1_OR_OPTAM("secteur1-optam"),
	OUTSIDE_SECTOR_1_OR_OPTAM("hors-secteur1-optam");

	private final String code;

	TariffSector(String code) {
		this.code = code;
	}

	/** Code used in the FHIR extension that carries the sector. */
	public String code() {
		return code;
	}

	public static TariffSector fromCode(String code) {
		for (TariffSector sector : values()) {
			if (sector.code.equals(code)) {
				return sector;
			}
		}
		throw new IllegalArgumentException("Unknown tariff sector '" + code + "' (expected secteur1-optam or hors-secteur1-optam)");
	}
}
