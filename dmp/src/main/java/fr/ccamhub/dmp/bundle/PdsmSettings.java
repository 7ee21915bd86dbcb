package fr.ccamhub.dmp.bundle;

import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Coding;

/**
 * Who shares and how documents are classed, as configured by the hospital ({@code ccamhub.dmp.*}).
 *
 * @param sourceId OID of this system (SubmissionSet {@code sourceId}; its SubmissionSet unique ids hang under it)
 * @param finess the structure's FINESS (géographique): custodian and author organisation, idNatSt {@code 1}+FINESS
 * @param organizationName the structure's name
 * @param facilityType {@code context.facilityType} (TRE_R02-SecteurActivite)
 * @param practiceSetting {@code context.practiceSetting} (TRE_A01-CadreExercice)
 * @param designationType the SubmissionSet's content type
 * @param defaultClass {@code category} (TRE_A03-ClasseDocument) for a type without its own
 * @param classByType {@code category} by LOINC document type
 * @param formatByContentType {@code content.format} by MIME type
 */
public record PdsmSettings(String sourceId, String finess, String organizationName, Coding facilityType,
		Coding practiceSetting, Coding designationType, Coding defaultClass, Map<String, Coding> classByType,
		Map<String, Coding> formatByContentType) {

	public PdsmSettings {
		Objects.requireNonNull(sourceId, "sourceId");
		if (!sourceId.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
			throw new IllegalArgumentException("ccamhub.dmp.source-id must be an OID (e.g. 1.2.250.1.xxx), was " + sourceId);
		}
		if (finess == null || !finess.matches("[0-9AB]{9}")) {
			throw new IllegalArgumentException("ccamhub.dmp.organization.finess must be a 9-character FINESS, was " + finess);
		}
		classByType = Map.copyOf(classByType);
		formatByContentType = Map.copyOf(formatByContentType);
	}
}
