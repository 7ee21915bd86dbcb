package fr.ccamhub.dmp.bundle;

/** Canonical URLs and code systems of ANS PDSm, IHE MHD, FR Core and the ANS Annuaire used in ITI-65 Bundles. */
public final class PdsmProfiles {

	public static final String PDSM = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/";
	public static final String PROVIDE_BUNDLE = PDSM + "pdsm-comprehensive-provide-document-bundle";
	public static final String SUBMISSION_SET = PDSM + "pdsm-submissionset-comprehensive";
	public static final String DOCUMENT_REFERENCE = PDSM + "pdsm-comprehensive-document-reference";
	public static final String FIND_DOCUMENT_REFERENCES_RESPONSE = PDSM
			+ "pdsm-find-documentreferences-comprehensive-response";

	public static final String ANNUAIRE = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/";
	public static final String AS_PRACTITIONER = ANNUAIRE + "as-practitioner";
	public static final String AS_PRACTITIONER_ROLE = ANNUAIRE + "as-practitionerrole";
	public static final String AS_ORGANIZATION = ANNUAIRE + "as-organization";
	public static final String FR_CORE_PATIENT = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient";

	public static final String MHD = "https://profiles.ihe.net/ITI/MHD/";
	public static final String DESIGNATION_TYPE = MHD + "StructureDefinition/ihe-designationType";
	public static final String SOURCE_ID = MHD + "StructureDefinition/ihe-sourceId";
	public static final String AUTHOR_ORG = MHD + "StructureDefinition/ihe-authorOrg";
	public static final String LIST_TYPES = MHD + "CodeSystem/MHDlistTypes";
	public static final String PATCH_PARAMETERS = MHD + "StructureDefinition/IHE.MHD.Patch.Parameters";

	public static final String RFC_3986 = "urn:ietf:rfc:3986";
	public static final String ID_NAT_PS = "urn:oid:1.2.250.1.71.4.2.1";
	public static final String ID_NAT_ST = "urn:oid:1.2.250.1.71.4.2.2";
	public static final String RPPS = "https://rpps.esante.gouv.fr";
	public static final String FINESS = "https://finess.esante.gouv.fr";
	public static final String FR_CORE_V2_0203 = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
	public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
	public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
	/** ANS TRE_A07-StatutVisibiliteDocument: MASQUE_PS, INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX. */
	public static final String VISIBILITY =
			"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";
	public static final String LOINC = "http://loinc.org";

	private PdsmProfiles() {}
}
