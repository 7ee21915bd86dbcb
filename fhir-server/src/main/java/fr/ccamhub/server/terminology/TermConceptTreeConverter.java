package fr.ccamhub.server.terminology;

import ca.uhn.fhir.jpa.entity.TermCodeSystemVersion;
import ca.uhn.fhir.jpa.entity.TermConcept;
import ca.uhn.fhir.jpa.entity.TermConceptDesignation;
import ca.uhn.fhir.jpa.entity.TermConceptParentChildLink.RelationshipTypeEnum;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.hl7.fhir.r4.model.Coding;

/**
 * Converts the concept tree of a FHIR CodeSystem into HAPI terminology entities, so the concepts
 * go through HAPI's terminology storage service rather than a PUT of the whole resource. Only the
 * property types HAPI can answer {@code $lookup} with (string and Coding) are accepted.
 */
final class TermConceptTreeConverter {

	private TermConceptTreeConverter() {}

	/** A new, unsaved code system version holding the root concepts (children hang below them). */
	static TermCodeSystemVersion toTermCodeSystemVersion(CodeSystem codeSystem) {
		TermCodeSystemVersion version = new TermCodeSystemVersion();
		version.setCodeSystemVersionId(codeSystem.getVersion());
		version.setCodeSystemDisplayName(codeSystem.getTitle());
		for (ConceptDefinitionComponent root : codeSystem.getConcept()) {
			version.getConcepts().add(toTermConcept(root, version));
		}
		return version;
	}

	private static TermConcept toTermConcept(ConceptDefinitionComponent definition, TermCodeSystemVersion version) {
		TermConcept concept = new TermConcept(version, definition.getCode());
		concept.setDisplay(definition.getDisplay());
		for (CodeSystem.ConceptDefinitionDesignationComponent designation : definition.getDesignation()) {
			TermConceptDesignation stored = concept.addDesignation().setValue(designation.getValue());
			stored.setLanguage(designation.getLanguage());
			if (designation.hasUse()) {
				stored.setUseSystem(designation.getUse().getSystem());
				stored.setUseCode(designation.getUse().getCode());
				stored.setUseDisplay(designation.getUse().getDisplay());
			}
		}
		for (ConceptPropertyComponent property : definition.getProperty()) {
			addProperty(concept, property);
		}
		List<ConceptDefinitionComponent> children = definition.getConcept();
		for (ConceptDefinitionComponent child : children) {
			concept.addChild(toTermConcept(child, version), RelationshipTypeEnum.ISA);
		}
		return concept;
	}

	private static void addProperty(TermConcept concept, ConceptPropertyComponent property) {
		if (property.getValue() instanceof Coding coding) {
			concept.addPropertyCoding(property.getCode(), coding.getSystem(), coding.getCode(), coding.getDisplay());
		} else if (property.getValue() != null && property.getValue().isPrimitive()) {
			concept.addPropertyString(property.getCode(), property.getValue().primitiveValue());
		} else {
			throw new IllegalArgumentException("Concept " + concept.getCode() + " property " + property.getCode()
					+ " has a value HAPI cannot serve: " + property.getValue());
		}
	}
}
