package fr.ccamhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

class CcamTerminologyIT extends ServerIT {

	private static final String CCAM_VALUE_SET = "https://fhir.ccamhub.fr/ValueSet/ccam";

	@Test
	void lookupReturnsTheFrenchLabelAndTheSurgeryAndAnaesthesiaTariffs() {
		Parameters result = lookup(CCAM, "HHFA016");

		assertThat(result.getParameterValue("display").primitiveValue())
				.isEqualTo("Appendicectomie, par cœlioscopie ou par laparotomie avec préparation par cœlioscopie");
		assertThat(result.getParameterValue("version").primitiveValue()).isEqualTo("V81");
		Map<String, List<String>> properties = properties(result);
		assertThat(properties.get("tarifSecteur1-1-0")).containsExactly("195.84");
		assertThat(properties.get("tarifHorsSecteur1-1-0")).containsExactly("187.84");
		assertThat(properties.get("tarifSecteur1-4-0")).containsExactly("103.64");
		assertThat(properties.get("tarifHorsSecteur1-4-0")).containsExactly("103.64");
		assertThat(properties.get("activite")).containsExactly("1", "4");
		assertThat(properties.get("modificateur")).contains("U", "F", "7");
		assertThat(properties.get("gesteAssocie")).containsExactly("GELE001", "ZZHA001");
	}

	@Test
	void lookupOfAnUnknownCodeIsA404ThatNamesTheCode() {
		assertThatThrownBy(() -> lookup(CCAM, "HHFA999"))
				.isInstanceOf(ResourceNotFoundException.class)
				.hasMessageContaining("HHFA999")
				.hasMessageContaining(CCAM);
	}

	@Test
	void validateCodeAcceptsRealCodesAndRejectsInventedOnes() {
		assertThat(validate("HHFA999").getParameterBool("result")).isFalse();
		assertThat(validate("HHFA016").getParameterBool("result")).isTrue();
	}

	@Test
	void expandFilterFindsEveryAppendicectomyAndNothingElse() {
		List<String> codes = expand("appendicectomie");
		assertThat(codes).contains("HHFA016", "HHFA011", "HHFA001");
		assertThat(codes).allSatisfy(code -> assertThat(code).matches("[A-Z]{4}[0-9]{3}"));
	}

	@Test
	void expandFilterIgnoresAccentsAndCase() {
		ValueSet expansion = expandValueSet("echographie");
		assertThat(expansion.getExpansion().getContains())
				.isNotEmpty()
				.allSatisfy(concept -> assertThat(concept.getDisplay().toLowerCase()).contains("échographi"));
		assertThat(expand("ÉCHOGRAPHIE TRANSTHORACIQUE")).contains("GFQM001");
	}

	@Test
	void expandFilterFindsEveryWordInAnyOrder() {
		assertThat(expand("echographie abdomen")).contains("ZCQM001", "ZCQM008", "ZCQM005");
		assertThat(expand("abdomen echographie")).contains("ZCQM001", "ZCQM008", "ZCQM005");
	}

	@Test
	void expandFilterFindsTheCoelioscopicAppendicectomyTypedWithoutLigature() {
		List<String> codes = expand("appendicectomie coelioscopie");
		assertThat(codes).contains("HHFA016", "HHFA025").doesNotContain("HHFA011", "HHFA001");
	}

	@Test
	void expandFilterMatchesTheLastWordAsAPrefix() {
		assertThat(expand("append")).contains("HHFA016", "HHFA011", "HHFA001");
		assertThat(expand("appendicectomie lapa")).contains("HHFA011", "HHFA016").doesNotContain("HHFA001");
	}

	@Test
	void typeAheadPutsTheAbdominalUltrasoundAmongTheFirstResults() {
		List<String> firstFive = expand("echographie abdo").subList(0, 5);
		assertThat(firstFive).contains("ZCQM001", "ZCQM008");
	}

	@Test
	void expandFilterRanksTheClosestLabelsFirst() {
		ValueSet expansion = expandValueSet("appendicectomie");
		assertThat(expansion.getExpansion().getContainsFirstRep().getDisplay()).startsWith("Appendicectomie");
		assertThat(expand("echographie abdomen").get(0)).isEqualTo("ZCQM008");
	}

	@Test
	void aWordBeingTypedRanksShortLabelsFirst() {
		List<String> codes = expand("append");
		assertThat(codes.indexOf("HHFA011")).isLessThan(codes.indexOf("HHFA016")).isLessThan(codes.indexOf("HHFA025"));
		List<String> abdo = expand("echographie abdo");
		assertThat(abdo.indexOf("ZCQM008")).isLessThan(3).isLessThan(abdo.indexOf("ZCQM002"));
	}

	@Test
	void expandFilterDropsElidedArticles() {
		assertThat(expand("echographie de l'abdomen")).contains("ZCQM001", "ZCQM008");
		assertThat(expand("l’abdomen échographie")).contains("ZCQM001");
	}

	@Test
	void expandFilterIgnoresCaseAndAccentsOfEveryWord() {
		assertThat(expand("ÉCHOGRAPHIE Abdomen TRANSCUTANÉE")).contains("ZCQM001");
		assertThat(expand("APPENDICECTOMIE CŒLIOSCOPIE")).contains("HHFA016");
	}

	@Test
	void expandFilterFindsCodesAsTyped() {
		assertThat(expand("HHFA016").get(0)).isEqualTo("HHFA016");
		assertThat(expand("hhfa01")).contains("HHFA011", "HHFA016");
	}

	@Test
	void filteredExpansionPagesAreDisjointAndShareTheTotal() {
		ValueSet first = expandPage(CCAM_VALUE_SET, "echographie", 0, 10);
		ValueSet second = expandPage(CCAM_VALUE_SET, "echographie", 10, 10);

		assertThat(first.getExpansion().getTotal()).isGreaterThan(20).isEqualTo(second.getExpansion().getTotal());
		assertThat(first.getExpansion().getOffset()).isZero();
		assertThat(second.getExpansion().getOffset()).isEqualTo(10);
		List<String> firstCodes = codes(first);
		List<String> secondCodes = codes(second);
		assertThat(firstCodes).hasSize(10).doesNotContainAnyElementsOf(secondCodes);
		assertThat(secondCodes).hasSize(10);
		assertThat(expandPage(CCAM_VALUE_SET, "echographie", 0, 20).getExpansion().getContains())
				.extracting(c -> c.getCode()).containsExactlyElementsOf(concat(firstCodes, secondCodes));
	}

	@Test
	void aBroadFilterPagesInsteadOfRefusing() {
		ValueSet page = expandPage(CCAM_VALUE_SET, "de", 0, 5);
		assertThat(page.getExpansion().getTotal()).isGreaterThan(1000);
		assertThat(page.getExpansion().getContains()).hasSize(5);

		ValueSet tooLarge = expandPage(CCAM_VALUE_SET, "de", 0, 50_000);
		assertThat(tooLarge.getExpansion().getContains()).hasSize(1000);
	}

	@Test
	void expandFilterSearchesTheModifiers() {
		assertThat(codes(expandPage("https://fhir.ccamhub.fr/ValueSet/ccam-modificateurs", "urgence nuit", 0, 10)))
				.contains("U");
	}

	@Test
	void textFilterCombinesWithIsAFilter() {
		ValueSet chapter = new ValueSet();
		chapter.getCompose().addInclude().setSystem(CCAM).setVersion("V81").addFilter()
				.setProperty("concept").setOp(ValueSet.FilterOperator.ISA).setValue("07.03.05");
		ValueSet expanded = client().operation().onType(ValueSet.class).named("$expand")
				.withParameter(Parameters.class, "valueSet", chapter)
				.andParameter("filter", new StringType("coelio"))
				.returnResourceType(ValueSet.class).execute();

		assertThat(codes(expanded)).contains("HHFA016", "HHFA025").allSatisfy(code -> assertThat(code).startsWith("HHFA"));
		assertThat(expanded.getExpansion().getContainsFirstRep().getVersion()).isEqualTo("V81");
		assertThat(expand("coelio").size()).isGreaterThan(codes(expanded).size());
	}

	@Test
	void displayLanguageGivesTheWholeLabelOfLongActs() {
		ValueSet expanded = client().operation().onType(ValueSet.class).named("$expand")
				.withParameter(Parameters.class, "url", new UriType(CCAM_VALUE_SET))
				.andParameter("filter", new StringType("EQLA665"))
				.andParameter("displayLanguage", new CodeType("fr"))
				.useHttpGet().returnResourceType(ValueSet.class).execute();

		assertThat(expanded.getExpansion().getContainsFirstRep().getDisplay()).hasSizeGreaterThan(400);
	}

	@Test
	void expandWithoutFilterIsStillHapis() {
		ValueSet modifiers = client().operation().onType(ValueSet.class).named("$expand")
				.withParameter(Parameters.class, "url", new UriType("https://fhir.ccamhub.fr/ValueSet/ccam-modificateurs"))
				.useHttpGet().returnResourceType(ValueSet.class).execute();
		assertThat(codes(modifiers)).hasSize(30).contains("U", "F", "7");
	}

	@Test
	void chaptersSubsumeTheirActs() {
		assertThat(subsumes("07", "HHFA016")).isEqualTo("subsumes");
		assertThat(subsumes("07.03.05", "HHFA016")).isEqualTo("subsumes");
		assertThat(subsumes("HHFA016", "07")).isEqualTo("subsumed-by");
		assertThat(subsumes("01", "HHFA016")).isEqualTo("not-subsumed");
	}

	@Test
	void isAFilterExpandsAChapterToItsActs() {
		ValueSet chapter = new ValueSet();
		chapter.getCompose().addInclude().setSystem(CCAM).addFilter()
				.setProperty("concept").setOp(ValueSet.FilterOperator.ISA).setValue("07.03.05");
		ValueSet expanded = client().operation().onType(ValueSet.class).named("$expand")
				.withParameter(Parameters.class, "valueSet", chapter)
				.returnResourceType(ValueSet.class).execute();
		List<String> codes = expanded.getExpansion().getContains().stream().map(c -> c.getCode()).toList();
		assertThat(codes).contains("07.03.05", "HHFA016", "HHFA011", "HHFA001").doesNotContain("07", "HBGD001");
	}

	@Test
	void theCodeSystemResourceDescribesTheCompleteV81() {
		Bundle found = client().search().forResource(CodeSystem.class)
				.where(CodeSystem.URL.matches().value(CCAM)).returnBundle(Bundle.class).execute();
		CodeSystem ccam = (CodeSystem) found.getEntryFirstRep().getResource();
		assertThat(ccam.getVersion()).isEqualTo("V81");
		assertThat(ccam.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
		assertThat(ccam.getCount()).isEqualTo(8257 + 1723);
	}

	@Test
	void modifiersCarryPractitionerDependentAmounts() {
		Map<String, List<String>> u = properties(lookup(CCAM_MODIFIERS, "U"));
		assertThat(u.get("montantSecteur1-1")).containsExactly("25.15");
		assertThat(u.get("montantSecteur1-2")).containsExactly("50.00");
		assertThat(properties(lookup(CCAM_MODIFIERS, "E")).get("pourcentageSecteur1-1")).containsExactly("49");
	}

	private Parameters lookup(String system, String code) {
		return client().operation().onType(CodeSystem.class).named("$lookup")
				.withParameter(Parameters.class, "system", new UriType(system))
				.andParameter("code", new CodeType(code))
				.useHttpGet().execute();
	}

	private Parameters validate(String code) {
		return client().operation().onType(CodeSystem.class).named("$validate-code")
				.withParameter(Parameters.class, "url", new UriType(CCAM))
				.andParameter("code", new CodeType(code))
				.useHttpGet().execute();
	}

	private String subsumes(String codeA, String codeB) {
		Parameters result = client().operation().onType(CodeSystem.class).named("$subsumes")
				.withParameter(Parameters.class, "system", new UriType(CCAM))
				.andParameter("codeA", new CodeType(codeA))
				.andParameter("codeB", new CodeType(codeB))
				.useHttpGet().execute();
		return result.getParameterValue("outcome").primitiveValue();
	}

	private ValueSet expandValueSet(String filter) {
		return client().operation().onType(ValueSet.class).named("$expand")
				.withParameter(Parameters.class, "url", new UriType(CCAM_VALUE_SET))
				.andParameter("filter", new StringType(filter))
				.useHttpGet().returnResourceType(ValueSet.class).execute();
	}

	private ValueSet expandPage(String valueSetUrl, String filter, int offset, int count) {
		return client().operation().onType(ValueSet.class).named("$expand")
				.withParameter(Parameters.class, "url", new UriType(valueSetUrl))
				.andParameter("filter", new StringType(filter))
				.andParameter("offset", new IntegerType(offset))
				.andParameter("count", new IntegerType(count))
				.useHttpGet().returnResourceType(ValueSet.class).execute();
	}

	private static List<String> codes(ValueSet expansion) {
		return expansion.getExpansion().getContains().stream().map(c -> c.getCode()).toList();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

	private List<String> expand(String filter) {
		return expandValueSet(filter).getExpansion().getContains().stream().map(c -> c.getCode()).toList();
	}

	private static Map<String, List<String>> properties(Parameters lookup) {
		return lookup.getParameter().stream()
				.filter(p -> p.getName().equals("property"))
				.collect(Collectors.groupingBy(
						p -> part(p, "code"), java.util.LinkedHashMap::new,
						Collectors.mapping(p -> part(p, "value"), Collectors.toList())));
	}

	private static String part(ParametersParameterComponent property, String name) {
		return property.getPart().stream().filter(p -> p.getName().equals(name)).findFirst()
				.map(p -> p.getValue() instanceof org.hl7.fhir.r4.model.Coding coding ? coding.getCode() : p.getValue().primitiveValue())
				.orElse(null);
	}

}
