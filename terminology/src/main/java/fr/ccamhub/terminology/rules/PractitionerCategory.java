package fr.ccamhub.terminology.rules;

/**
 * Groups of practitioners that the CCAM treats differently: some modifiers have a higher
 * variant for surgeons, obstetricians, anaesthetists or paediatricians (section 19.03).
 */
public enum PractitionerCategory {
	GENERAL_PRACTITIONER,
	MIDWIFE,
	PAEDIATRICIAN,
	/** Surgeons, and the ENT, stomatology and ophthalmology specialists the CCAM groups with them. */
	SURGEON,
	OBSTETRICIAN,
	ANAESTHETIST,
	RADIOLOGIST,
	DENTIST,
	ORAL_SURGERY_DENTIST,
	OTHER_PHYSICIAN,
	UNSPECIFIED
}
