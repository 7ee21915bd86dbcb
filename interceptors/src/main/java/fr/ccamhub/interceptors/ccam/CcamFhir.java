package fr.ccamhub.interceptors.ccam;

import fr.ccamhub.terminology.fhir.CcamSystems;
import java.util.Set;

/** Canonical URLs of the CCAM billing extensions and code systems defined in the {@code ig} module. */
public final class CcamFhir {

	private static final String SD = CcamSystems.CCAMHUB_CANONICAL_BASE + "/StructureDefinition/";

	/** CCAM activity code (1-5) of a Claim item or Procedure, valueCode. */
	public static final String ACTIVITY = SD + "ccam-activite";
	/** CCAM phase code (0-n) of a Claim item or Procedure, valueCode. */
	public static final String PHASE = SD + "ccam-phase";
	/** CCAM association code (1-5) of a Claim item (declared) or ClaimResponse item (applied), valueCode. */
	public static final String ASSOCIATION = SD + "ccam-code-association";
	/** Tariff sector of a care team member: secteur1-optam or hors-secteur1-optam, valueCode. */
	public static final String SECTOR = SD + "ccam-secteur-tarifaire";
	/** CCAM modifier carried by a Procedure (Claim items use Claim.item.modifier), valueCoding. */
	public static final String MODIFIER = SD + "ccam-modificateur";
	/** Patient exempt from co-payment (ALD, maternity, C2S...) on a Claim, valueBoolean. */
	public static final String COPAYMENT_EXEMPT = SD + "exoneration-ticket-moderateur";

	/** Rule ids of the CCAM rule engine, as OperationOutcome.issue.details codes. */
	public static final String RULE_SYSTEM = CcamSystems.CCAMHUB_CANONICAL_BASE + "/CodeSystem/ccam-regle";
	/** CNAM medical specialty codes (01 general practice, 04 general surgery...), on Claim.careTeam.qualification. */
	public static final String CNAM_SPECIALTY_SYSTEM = CcamSystems.CCAMHUB_CANONICAL_BASE + "/CodeSystem/specialite-cnam";
	/** Adjudication categories of ccam-price beyond the standard ones. */
	public static final String ADJUDICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/adjudication";
	/** Tag put on Procedures and Claims stored with CCAM rule errors in flag mode. */
	public static final String CHECK_TAG_SYSTEM = CcamSystems.CCAMHUB_CANONICAL_BASE + "/CodeSystem/ccam-controle";

	/** Ways the CCAM is named in codings: the ANS canonical URL and the OID. */
	public static final Set<String> CCAM_SYSTEMS = Set.of(CcamSystems.CCAM, "urn:oid:1.2.250.1.213.2.5");

	private CcamFhir() {
	}

	public static boolean isCcam(String system) {
		return system != null && CCAM_SYSTEMS.contains(system);
	}
}
