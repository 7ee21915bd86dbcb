package fr.ccamhub.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.server.terminology.SearchableCompose.ConceptFilter;
import fr.ccamhub.server.terminology.SearchableCompose.SystemInclude;
import java.util.List;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.FilterOperator;
import org.junit.jupiter.api.Test;

class SearchableComposeTest {

	private static final String CCAM = "https://smt.esante.gouv.fr/terminologie-ccam";

	@Test
	void aWholeCodeSystemIsSearchable() {
		ValueSet valueSet = new ValueSet();
		valueSet.getCompose().addInclude().setSystem(CCAM);

		assertThat(SearchableCompose.of(valueSet)).contains(
				new SearchableCompose(List.of(new SystemInclude(CCAM, null, List.of()))));
	}

	@Test
	void versionsAndHierarchyAndPropertyFiltersAreKept() {
		ValueSet valueSet = new ValueSet();
		var include = valueSet.getCompose().addInclude().setSystem(CCAM).setVersion("V81");
		include.addFilter().setProperty("concept").setOp(FilterOperator.ISA).setValue("07.03.05");
		include.addFilter().setProperty("code").setOp(FilterOperator.DESCENDENTOF).setValue("07");
		include.addFilter().setProperty("activite").setOp(FilterOperator.EQUAL).setValue("4");

		SystemInclude searchable = SearchableCompose.of(valueSet).orElseThrow().includes().get(0);

		assertThat(searchable.version()).isEqualTo("V81");
		assertThat(searchable.filters()).containsExactly(
				new ConceptFilter(ConceptFilter.Kind.IS_A, "concept", "07.03.05"),
				new ConceptFilter(ConceptFilter.Kind.DESCENDENT_OF, "code", "07"),
				new ConceptFilter(ConceptFilter.Kind.PROPERTY_EQUALS, "activite", "4"));
	}

	@Test
	void enumeratedCodesIncludedValueSetsAndExcludesAreLeftToHapi() {
		ValueSet codes = new ValueSet();
		codes.getCompose().addInclude().setSystem(CCAM).addConcept().setCode("HHFA016");
		ValueSet nested = new ValueSet();
		nested.getCompose().addInclude().addValueSet("https://fhir.ccamhub.fr/ValueSet/ccam");
		ValueSet excluding = new ValueSet();
		excluding.getCompose().addInclude().setSystem(CCAM);
		excluding.getCompose().addExclude().setSystem(CCAM).addConcept().setCode("HHFA016");

		assertThat(SearchableCompose.of(codes)).isEmpty();
		assertThat(SearchableCompose.of(nested)).isEmpty();
		assertThat(SearchableCompose.of(excluding)).isEmpty();
		assertThat(SearchableCompose.of(new ValueSet())).isEmpty();
	}

	@Test
	void filtersItCannotAnswerAreLeftToHapi() {
		ValueSet regex = new ValueSet();
		regex.getCompose().addInclude().setSystem(CCAM).addFilter()
				.setProperty("code").setOp(FilterOperator.REGEX).setValue("HH.*");
		ValueSet display = new ValueSet();
		display.getCompose().addInclude().setSystem(CCAM).addFilter()
				.setProperty("display").setOp(FilterOperator.EQUAL).setValue("appendicectomie");

		assertThat(SearchableCompose.of(regex)).isEmpty();
		assertThat(SearchableCompose.of(display)).isEmpty();
	}
}
