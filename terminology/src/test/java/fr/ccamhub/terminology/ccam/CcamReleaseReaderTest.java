package fr.ccamhub.terminology.ccam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CcamReleaseReaderTest {

	private static CcamRelease v81;

	@BeforeAll
	static void readV81() {
		v81 = new CcamReleaseReader().read("ccam/V81");
	}

	@Test
	void readsEveryActiveActChapterAndModifierOfV81() {
		assertThat(v81.version()).isEqualTo("V81");
		assertThat(v81.effectiveDate()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(v81.acts()).hasSize(8257);
		assertThat(v81.chapters()).hasSize(1723);
		assertThat(v81.chapter("08.03.02").orElseThrow().label()).isEqualTo("Actes thérapeutiques sur le scrotum et le contenu scrotal");
		assertThat(v81.modifiers()).hasSize(30);
	}

	@Test
	void appendicectomyHasSurgeryAndAnaesthesiaTariffs() {
		CcamAct act = v81.act("HHFA016").orElseThrow();
		assertThat(act.label()).isEqualTo("Appendicectomie, par cœlioscopie ou par laparotomie avec préparation par cœlioscopie");
		assertThat(act.chapterCode()).isEqualTo("07.03.05");
		assertThat(act.activities()).containsExactly(1, 4);
		assertThat(act.activityPhase(1, 0).orElseThrow().tariffSector1Optam().euros()).isEqualByComparingTo("195.84");
		assertThat(act.activityPhase(1, 0).orElseThrow().tariffOutsideSector1Optam().euros()).isEqualByComparingTo("187.84");
		assertThat(act.activityPhase(4, 0).orElseThrow().tariffSector1Optam().euros()).isEqualByComparingTo("103.64");
		assertThat(act.activityPhase(4, 0).orElseThrow().grouping()).isEqualTo("ADA");
		assertThat(act.allowedModifiers()).containsExactly("A", "F", "J", "K", "T", "P", "S", "U", "O", "7", "4", "3");
		assertThat(act.associatedGestures()).containsExactly("GELE001", "ZZHA001");
		assertThat(act.copaymentExemption()).isEqualTo("1");
		assertThat(act.grouping()).isEqualTo("ADC");
	}

	@Test
	void takesSexRestrictionsFromV78Tables() {
		assertThat(v81.act("EGCA004").orElseThrow().sexRestriction()).isEqualTo(CcamSexRestriction.MALE_ONLY);
		assertThat(v81.act("ELSA002").orElseThrow().sexRestriction()).isEqualTo(CcamSexRestriction.FEMALE_ONLY);
		assertThat(v81.act("HHFA016").orElseThrow().sexRestriction()).isEqualTo(CcamSexRestriction.ANY);
	}

	@Test
	void keepsNotCoveredLinesAndRepairsTheSourceTypoInADGA724() {
		assertThat(v81.act("AHQP001").orElseThrow().activityPhase(1, 0).orElseThrow().tariffSector1Optam().covered()).isFalse();
		assertThat(v81.act("ADGA724").orElseThrow().activityPhase(1, 0).orElseThrow().tariffSector1Optam().euros())
				.isEqualByComparingTo("248.15");
	}

	@Test
	void readsModifierVariantsAsAmountsOrPercentages() {
		CcamModifier urgentNight = v81.modifier("U").orElseThrow();
		assertThat(urgentNight.variants()).hasSize(2);
		assertThat(urgentNight.generalCase().sector1Optam()).isEqualTo(CcamModifierValue.parse("25.15"));
		assertThat(urgentNight.variants().get(1).sector1Optam().value()).isEqualByComparingTo("50.00");
		assertThat(v81.modifier("K").orElseThrow().variants()).hasSize(3);
		CcamModifierValue child = v81.modifier("E").orElseThrow().generalCase().sector1Optam();
		assertThat(child.kind()).isEqualTo(CcamModifierValue.Kind.PERCENT);
		assertThat(child.value()).isEqualByComparingTo("49");
		assertThat(v81.modifier("J").orElseThrow().generalCase().sector1Optam().value()).isEqualByComparingTo(new BigDecimal("6.5"));
	}

	@Test
	void classifiesNotesByRubric() {
		assertThat(v81.act("HHFA011").orElseThrow().notes())
				.containsExactly(new CcamNote(CcamNote.NoteKind.EXCLUSION, "À l'exclusion de",
						"À l'exclusion de : appendicectomie, par abord de la fosse iliaque (HHFA001)"));
		assertThat(v81.chapter("01").orElseThrow().notes())
				.anySatisfy(note -> assertThat(note.kind()).isEqualTo(CcamNote.NoteKind.EXCLUSION));
	}

	@Test
	void failsLoudlyOnAMissingRelease() {
		assertThatThrownBy(() -> new CcamReleaseReader().read("ccam/V99"))
				.hasMessageContaining("ccam/V99/release.properties");
	}
}
