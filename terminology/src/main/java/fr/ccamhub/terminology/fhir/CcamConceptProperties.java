package fr.ccamhub.terminology.fhir;

import fr.ccamhub.terminology.ccam.CcamActivityPhase;

/**
 * Codes of the concept properties ccamhub puts on CCAM concepts. Names follow the ANS SMT CCAM
 * property names where one exists ({@code activite}, {@code modificateur}, {@code typeActe});
 * per activity/phase values carry the line key as suffix, e.g. {@code tarifSecteur1-4-0}.
 */
public final class CcamConceptProperties {

	public static final String NOT_SELECTABLE = "notSelectable";
	public static final String LEVEL = "niveau";
	public static final String ACTIVITY = "activite";
	public static final String ACTIVITY_PHASE = "activitePhase";
	public static final String MODIFIER = "modificateur";
	public static final String ASSOCIATED_GESTURE = "gesteAssocie";
	public static final String REIMBURSED_UNDER_CONDITIONS = "remboursementSousConditions";
	public static final String PRIOR_APPROVAL = "accordPrealable";
	public static final String COPAYMENT_EXEMPTION = "exonerationTicketModerateur";
	public static final String GROUPING = "regroupement";
	public static final String SEX = "sexeAutorise";

	static final String TARIFF_SECTOR1_PREFIX = "tarifSecteur1-";
	static final String TARIFF_OUTSIDE_SECTOR1_PREFIX = "tarifHorsSecteur1-";
	static final String LINE_LABEL_PREFIX = "libelle-";
	static final String LINE_GROUPING_PREFIX = "regroupement-";
	static final String NOT_COVERED_PREFIX = "nonPrisEnCharge-";

	/** Modifier code system properties, suffixed by the variant number. */
	public static final String MODIFIER_SECTION = "section";
	public static final String MODIFIER_VARIANT_COUNT = "variantes";
	static final String MODIFIER_VARIANT_LABEL_PREFIX = "libelleVariante-";
	static final String MODIFIER_AMOUNT_SECTOR1_PREFIX = "montantSecteur1-";
	static final String MODIFIER_AMOUNT_OUTSIDE_PREFIX = "montantHorsSecteur1-";
	static final String MODIFIER_PERCENT_SECTOR1_PREFIX = "pourcentageSecteur1-";
	static final String MODIFIER_PERCENT_OUTSIDE_PREFIX = "pourcentageHorsSecteur1-";

	private CcamConceptProperties() {}

	/** Sector 1 / OPTAM tariff of one activity/phase line, e.g. {@code tarifSecteur1-1-0}. */
	public static String tariffSector1(CcamActivityPhase line) {
		return TARIFF_SECTOR1_PREFIX + line.key();
	}

	/** Outside sector 1 / non-OPTAM tariff of one activity/phase line. */
	public static String tariffOutsideSector1(CcamActivityPhase line) {
		return TARIFF_OUTSIDE_SECTOR1_PREFIX + line.key();
	}

	public static String tariffSector1(int activity, int phase) {
		return TARIFF_SECTOR1_PREFIX + activity + "-" + phase;
	}

	public static String tariffOutsideSector1(int activity, int phase) {
		return TARIFF_OUTSIDE_SECTOR1_PREFIX + activity + "-" + phase;
	}
}
