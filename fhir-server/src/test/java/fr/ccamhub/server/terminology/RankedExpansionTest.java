package fr.ccamhub.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

class RankedExpansionTest {

	private static final String CCAM = "https://smt.esante.gouv.fr/terminologie-ccam";

	@Test
	void listsThePageInRankOrderWithTotalOffsetAndParameters() {
		ValueSet source = new ValueSet();
		source.setId("ccam");
		source.setUrl("https://fhir.ccamhub.fr/ValueSet/ccam");
		source.getCompose().addInclude().setSystem(CCAM);
		FoundConcepts found = new FoundConcepts(116, List.of(
				new FoundConcepts.Concept(CCAM, "V81", "ZCQM008", "Échographie transcutanée de l'abdomen"),
				new FoundConcepts.Concept(CCAM, "V81", "ZCQM001", "Échographie transcutanée de l'abdomen, avec …")));

		ValueSet expanded = RankedExpansion.of(source, "echographie abdo", new ExpansionPage(10, 2), found);

		assertThat(expanded.getIdElement().getIdPart()).isEqualTo("ccam");
		assertThat(expanded.getUrl()).isEqualTo(source.getUrl());
		assertThat(expanded.getExpansion().getTotal()).isEqualTo(116);
		assertThat(expanded.getExpansion().getOffset()).isEqualTo(10);
		assertThat(expanded.getExpansion().getContains()).extracting(c -> c.getCode()).containsExactly("ZCQM008", "ZCQM001");
		assertThat(expanded.getExpansion().getContains().get(0).getVersion()).isEqualTo("V81");
		assertThat(expanded.getExpansion().getParameter())
				.extracting(p -> p.getName() + "=" + p.getValue().primitiveValue())
				.containsExactly("filter=echographie abdo", "offset=10", "count=2");
	}
}
