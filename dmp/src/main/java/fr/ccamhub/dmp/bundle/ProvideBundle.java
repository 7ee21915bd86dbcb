package fr.ccamhub.dmp.bundle;

import org.hl7.fhir.r4.model.Bundle;

/** An ITI-65 Bundle and the SubmissionSet unique id it carries. */
public record ProvideBundle(Bundle bundle, String submissionSetId) {}
