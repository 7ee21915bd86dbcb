package fr.ccamhub.interceptors.ccam;

import fr.ccamhub.terminology.rules.PatientFacts;
import org.hl7.fhir.r4.model.Reference;

/** Finds what the rules need to know about the patient a Claim or Procedure refers to. */
public interface PatientFactsLookup {

	/** The patient's sex and birth date; {@link PatientFacts#UNKNOWN} when the reference cannot be read. */
	PatientFacts facts(Reference patient);
}
