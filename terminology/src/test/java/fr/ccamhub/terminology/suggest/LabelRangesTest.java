package fr.ccamhub.terminology.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sizes, ages and terms of pregnancy: what CCAM labels require, and what notes say. */
class LabelRangesTest {

	private static Extents.Range labelSize(String label) {
		return Extents.ofLabel(TextNormalizer.fold(label));
	}

	private static Extents.Size noteSize(String note) {
		return Extents.inNote(TextNormalizer.fold(note));
	}

	@Test
	void woundLengthsFallInTheLabelRanges() {
		Extents.Range small = labelSize("Parage et/ou suture de plaie superficielle de la peau de moins de 3 cm de grand axe, en dehors de la face");
		Extents.Range medium = labelSize("Parage et/ou suture de plaie superficielle de la peau de la face de 3 cm à 10 cm de grand axe");
		Extents.Range large = labelSize("Parage et/ou suture de plaie superficielle de la peau de plus de 10 cm de grand axe, en dehors de la face");
		Extents.Size twoCm = noteSize("suture d'une plaie de 2 cm de l'avant-bras");
		Extents.Size sixCm = noteSize("plaie profonde de cuisse de 6 cm");

		assertThat(small.contains(twoCm.unit(), twoCm.value())).isTrue();
		assertThat(medium.contains(twoCm.unit(), twoCm.value())).isFalse();
		assertThat(medium.contains(sixCm.unit(), sixCm.value())).isTrue();
		assertThat(large.contains(sixCm.unit(), sixCm.value())).isFalse();
		assertThat(small.contains(Extents.Unit.LENGTH, 3.0)).as("moins de 3 cm excludes 3 cm").isFalse();
	}

	@Test
	void millimetresAreCentimetresAndAreasAreNotLengths() {
		Extents.Size polyp = noteSize("polype sigmoïdien de 15 mm");
		assertThat(polyp.unit()).isEqualTo(Extents.Unit.LENGTH);
		assertThat(polyp.value()).isEqualTo(1.5);

		Extents.Range skin = labelSize("Exérèse de lésion superficielle de la peau par excision d'une zone cutanée de moins de 5 cm²");
		assertThat(skin.unit()).isEqualTo(Extents.Unit.AREA);
		Extents.Size area = noteSize("perte de substance de 2 cm²");
		assertThat(skin.contains(area.unit(), area.value())).isTrue();
		assertThat(skin.contains(Extents.Unit.LENGTH, 2.0)).isFalse();
	}

	@Test
	void burnsAreComparedInPercentOfBodySurface() {
		Extents.Range burn = labelSize("Pansement chirurgical initial de brûlure en dehors de l'extrémité céphalique et des mains, sur 1% à 10% de la surface corporelle");
		Extents.Size note = noteSize("pansement de brûlure sur 5 % de SC au bloc");
		assertThat(burn.contains(note.unit(), note.value())).isTrue();
		assertThat(burn.contains(Extents.Unit.PERCENT, 15)).isFalse();
	}

	@Test
	void aNoteWithoutAUnitGivesNoSize() {
		assertThat(noteSize("exérèse de 3 verrues")).isNull();
		assertThat(noteSize("RCIU à 32 SA")).isNull();
	}

	@Test
	void labelAgesBoundTheActs() {
		AgeBands.Band child = AgeBands.ofLabel(TextNormalizer.fold("Cure de hernie de la paroi abdominale antérieure avant l'âge de 16 ans, par abord direct"));
		AgeBands.Band adult = AgeBands.ofLabel(TextNormalizer.fold("Cure de hernie de la paroi abdominale antérieure après l'âge de 16 ans sans pose de prothèse, par abord direct"));
		assertThat(child.contains(5 * 12)).isTrue();
		assertThat(child.contains(40 * 12)).isFalse();
		assertThat(adult.adultsOnly()).isTrue();
		assertThat(adult.contains(16 * 12)).isTrue();
		assertThat(AgeBands.ofLabel(TextNormalizer.fold("Réanimation immédiate du nouveau-né en détresse vitale")).contains(0)).isTrue();
		assertThat(AgeBands.ofLabel(TextNormalizer.fold("Radiographie du thorax"))).isNull();
	}

	@Test
	void theAgeIsPresumedFromWordsWhenTheNoteGivesNone() {
		ClinicalContext unknownAge = new ClinicalContextExtractor().extract("hernie ombilicale de l'adulte", fr.ccamhub.terminology.rules.PatientFacts.UNKNOWN, null);
		assertThat(AgeBands.presumedAge(unknownAge, "hernie ombilicale de l'adulte")).isGreaterThanOrEqualTo(AgeBands.ADULT_MONTHS);
		assertThat(AgeBands.presumedAge(unknownAge, "hernie ombilicale chez un enfant")).isLessThan(AgeBands.ADULT_MONTHS);
		assertThat(AgeBands.presumedAge(unknownAge, "hernie ombilicale")).isNull();
	}

	@Test
	void weeksOfAmenorrhoeaGiveTheTrimester() {
		assertThat(GestationalAge.trimesterWords("echo a 12 sa avec clarte nucale")).isEqualTo("1er trimestre");
		assertThat(GestationalAge.trimesterWords("echo morpho a 22 sa")).isEqualTo("2ème trimestre");
		assertThat(GestationalAge.trimesterWords("croissance a 32 semaines d'amenorrhee")).isEqualTo("3ème trimestre");
		assertThat(GestationalAge.trimesterWords("echo pelvienne")).isEmpty();
	}
}
