package fr.ccamhub.dmp.bundle;

import org.hl7.fhir.r4.model.Bundle;

/** Checks an ITI-65 Bundle against the PDSm profiles before it is sent. */
@FunctionalInterface
public interface BundleValidator {

	ValidationReport validate(Bundle provideBundle);
}
