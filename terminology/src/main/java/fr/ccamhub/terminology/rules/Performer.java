package fr.ccamhub.terminology.rules;

/**
 * Who performed an act, as far as billing cares: an identifier (association rules apply per
 * practitioner), a category (some modifiers are worth more for surgeons) and a tariff sector.
 */
public record Performer(String id, PractitionerCategory category, TariffSector sector) {

	public static final Performer UNKNOWN = new Performer("", PractitionerCategory.UNSPECIFIED, TariffSector.SECTOR_1_OR_OPTAM);

	public Performer {
		id = id == null ? "" : id;
		category = category == null ? PractitionerCategory.UNSPECIFIED : category;
		sector = sector == null ? TariffSector.SECTOR_1_OR_OPTAM : sector;
	}
}
