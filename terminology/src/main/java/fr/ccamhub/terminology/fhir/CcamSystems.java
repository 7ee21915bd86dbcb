package fr.ccamhub.terminology.fhir;

/** Canonical identifiers of the CCAM terminologies as ccamhub publishes and recognises them. */
public final class CcamSystems {

	/** ANS terminology server canonical for CCAM (SMT). */
	public static final String CCAM = "https://smt.esante.gouv.fr/terminologie-ccam";

	/** Legacy CCAM OID used in CDA, DMP metadata and HL7 v2 feeds. */
	public static final String CCAM_OID = "1.2.250.1.213.2.5";

	/** ccamhub's canonical for the modifiers of section 19.03, until ANS publishes one. */
	public static final String CCAM_MODIFIERS = "https://smt.esante.gouv.fr/terminologie-ccam-modificateurs";

	/** Base of the conformance resources ccamhub defines itself (ValueSets, extensions, ...). */
	public static final String CCAMHUB_CANONICAL_BASE = "https://fhir.ccamhub.fr";

	private CcamSystems() {}
}
