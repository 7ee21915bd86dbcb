package fr.ccamhub.terminology.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CcamCodeSystemFactoryTest {

	private static CcamRelease v81;
	private static CodeSystem ccam;

	@BeforeAll
	static void build() {
		v81 = new CcamReleaseReader().read("ccam/V81");
		ccam = new CcamCodeSystemFactory().ccamCodeSystem(v81);
	}

	@Test
	void describesTheCompleteV81CodeSystemUnderTheAnsCanonical() {
		assertThat(ccam.getUrl()).isEqualTo("https://smt.esante.gouv.fr/terminologie-ccam");
		assertThat(ccam.getVersion()).isEqualTo("V81");
		assertThat(ccam.getIdElement().getIdPart()).isEqualTo("ccam-v81");
		assertThat(ccam.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
		assertThat(ccam.getHierarchyMeaning()).isEqualTo(CodeSystem.CodeSystemHierarchyMeaning.ISA);
		assertThat(ccam.getCount()).isEqualTo(8257 + 1723);
		assertThat(ccam.getConcept()).hasSize(19);
	}

	@Test
	void nestsEveryActUnderItsChapterPath() {
		List<String> path = pathTo("HHFA016");
		assertThat(path).containsExactly("07", "07.03", "07.03.05", "HHFA016");
		Set<String> codes = new HashSet<>();
		forEach(ccam.getConcept(), concept -> {
			assertThat(codes.add(concept.getCode())).as("duplicate %s", concept.getCode()).isTrue();
			assertThat(concept.getDisplay()).isNotBlank();
		});
		assertThat(codes).hasSize(8257 + 1723);
	}

	@Test
	void carriesTariffsPerActivityModifiersAndNotesAsProperties() {
		ConceptDefinitionComponent act = find("HHFA016").orElseThrow();
		assertThat(property(act, "tarifSecteur1-1-0")).containsExactly("195.84");
		assertThat(property(act, "tarifHorsSecteur1-1-0")).containsExactly("187.84");
		assertThat(property(act, "tarifSecteur1-4-0")).containsExactly("103.64");
		assertThat(property(act, "activite")).containsExactly("1", "4");
		assertThat(act.getProperty()).filteredOn(p -> p.getCode().equals("modificateur"))
				.extracting(p -> p.getValueCoding().getCode())
				.contains("U", "F", "4");
		assertThat(act.getProperty()).filteredOn(p -> p.getCode().equals("modificateur"))
				.allSatisfy(p -> assertThat(p.getValueCoding().getSystem()).isEqualTo(CcamSystems.CCAM_MODIFIERS));
		assertThat(property(act, "regroupement-4-0")).containsExactly("ADA");
		assertThat(property(find("EGCA004").orElseThrow(), "sexeAutorise")).isEmpty();
		assertThat(find("EGCA004").orElseThrow().getProperty())
				.filteredOn(p -> p.getCode().equals("sexeAutorise"))
				.extracting(p -> p.getValueCoding().getCode()).containsExactly("male");
	}

	@Test
	void declaresEveryPropertyItUses() {
		Set<String> declared = new HashSet<>();
		ccam.getProperty().forEach(p -> declared.add(p.getCode()));
		forEach(ccam.getConcept(), concept -> concept.getProperty()
				.forEach(p -> assertThat(declared).as("property %s of %s", p.getCode(), concept.getCode()).contains(p.getCode())));
	}

	@Test
	void keepsLabelsLongerThanHapiDisplaysWholeInADesignation() {
		List<ConceptDefinitionComponent> longOnes = new ArrayList<>();
		forEach(ccam.getConcept(), concept -> {
			if (!concept.getDesignation().isEmpty()) {
				longOnes.add(concept);
			}
		});
		assertThat(longOnes).isNotEmpty().allSatisfy(concept -> {
			assertThat(concept.getDisplay()).hasSize(CcamCodeSystemFactory.MAX_DISPLAY_LENGTH).endsWith("…");
			assertThat(concept.getDesignationFirstRep().getValue()).startsWith(concept.getDisplay().substring(0, 399));
		});
	}

	@Test
	void buildsTheModifierCodeSystemWithItsVariants() {
		CodeSystem modifiers = new CcamCodeSystemFactory().modifiersCodeSystem(v81);
		assertThat(modifiers.getUrl()).isEqualTo("https://smt.esante.gouv.fr/terminologie-ccam-modificateurs");
		assertThat(modifiers.getConcept()).hasSize(30);
		ConceptDefinitionComponent u = modifiers.getConcept().stream().filter(c -> c.getCode().equals("U")).findFirst().orElseThrow();
		assertThat(property(u, "montantSecteur1-1")).containsExactly("25.15");
		assertThat(property(u, "montantSecteur1-2")).containsExactly("50.00");
		ConceptDefinitionComponent e = modifiers.getConcept().stream().filter(c -> c.getCode().equals("E")).findFirst().orElseThrow();
		assertThat(property(e, "pourcentageSecteur1-1")).containsExactly("49");
	}

	private static List<String> property(ConceptDefinitionComponent concept, String code) {
		return concept.getProperty().stream()
				.filter(p -> p.getCode().equals(code) && p.getValue() instanceof org.hl7.fhir.r4.model.StringType)
				.map(p -> p.getValue().primitiveValue())
				.toList();
	}

	private static Optional<ConceptDefinitionComponent> find(String code) {
		List<ConceptDefinitionComponent> found = new ArrayList<>();
		forEach(ccam.getConcept(), concept -> {
			if (concept.getCode().equals(code)) {
				found.add(concept);
			}
		});
		return found.stream().findFirst();
	}

	private static List<String> pathTo(String code) {
		Deque<String> path = new ArrayDeque<>();
		return search(ccam.getConcept(), code, path) ? new ArrayList<>(path) : List.of();
	}

	private static boolean search(List<ConceptDefinitionComponent> concepts, String code, Deque<String> path) {
		for (ConceptDefinitionComponent concept : concepts) {
			path.addLast(concept.getCode());
			if (concept.getCode().equals(code) || search(concept.getConcept(), code, path)) {
				return true;
			}
			path.removeLast();
		}
		return false;
	}

	private static void forEach(List<ConceptDefinitionComponent> concepts, java.util.function.Consumer<ConceptDefinitionComponent> action) {
		for (ConceptDefinitionComponent concept : concepts) {
			action.accept(concept);
			forEach(concept.getConcept(), action);
		}
	}
}
