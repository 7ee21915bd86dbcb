package fr.ccamhub.server.terminology;

import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionComponent;

/**
 * The {@code $expand} answer for one page of a ranked, filtered expansion, shaped like HAPI's own
 * expansions (same ValueSet header, {@code expansion.total}, {@code offset} and the {@code filter},
 * {@code offset}, {@code count} parameters) with the concepts in rank order.
 */
final class RankedExpansion {

	private RankedExpansion() {}

	static ValueSet of(ValueSet source, String filter, ExpansionPage page, FoundConcepts found) {
		ValueSet expanded = new ValueSet();
		expanded.setId(source.getIdElement().getIdPart());
		expanded.setUrl(source.getUrl());
		expanded.setVersion(source.getVersion());
		expanded.setName(source.getName());
		expanded.setTitle(source.getTitle());
		expanded.setStatus(source.hasStatus() ? source.getStatus() : PublicationStatus.ACTIVE);
		expanded.setCompose(source.getCompose());

		ValueSetExpansionComponent expansion = expanded.getExpansion();
		expansion.setIdentifier("urn:uuid:" + UUID.randomUUID());
		expansion.setTimestamp(new Date());
		expansion.setTotal(Math.toIntExact(found.total()));
		expansion.setOffset(page.offset());
		expansion.addParameter().setName("filter").setValue(new StringType(filter));
		expansion.addParameter().setName("offset").setValue(new IntegerType(page.offset()));
		expansion.addParameter().setName("count").setValue(new IntegerType(page.count()));
		for (FoundConcepts.Concept concept : found.concepts()) {
			expansion.addContains()
					.setSystem(concept.system())
					.setVersion(concept.version())
					.setCode(concept.code())
					.setDisplay(concept.display());
		}
		return expanded;
	}
}
