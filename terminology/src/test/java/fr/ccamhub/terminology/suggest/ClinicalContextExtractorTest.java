package fr.ccamhub.terminology.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.terminology.rules.PatientFacts;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ClinicalContextExtractorTest {

	private final ClinicalContextExtractor extractor = new ClinicalContextExtractor();

	private ClinicalContext read(String text) {
		return extractor.extract(text, PatientFacts.UNKNOWN, null);
	}

	@Test
	void approachSideAndAgeAreRead() {
		ClinicalContext context = read("cholécystectomie sous coelio, enfant de 4 ans, côté G");
		assertThat(context.approaches()).containsExactly(Approach.LAPAROSCOPIC);
		assertThat(context.laterality()).isEqualTo(Laterality.UNILATERAL);
		assertThat(context.ageInMonths()).isEqualTo(48);
		assertThat(read("nourrisson de 2 mois").ageInMonths()).isEqualTo(2);
		assertThat(read("mammographie bilatérale").laterality()).isEqualTo(Laterality.BILATERAL);
	}

	@Test
	void timeOfDayIsReadButNotDurations() {
		assertThat(read("appendicectomie à 23h30").time()).isEqualTo(LocalTime.of(23, 30));
		assertThat(read("appendicectomie à 23h30").night()).isTrue();
		assertThat(read("holter ECG 24h").time()).isNull();
		assertThat(read("holter ECG 24h").night()).isFalse();
		assertThat(read("vu à 10h").night()).isFalse();
	}

	@Test
	void sundaysAndPublicHolidaysComeFromTheTextOrTheDate() {
		assertThat(read("en urgence un dimanche").sundayOrHoliday()).isTrue();
		assertThat(extractor.extract("suture", PatientFacts.UNKNOWN, LocalDate.of(2026, 5, 25)).sundayOrHoliday())
				.as("Whit Monday 2026").isTrue();
		assertThat(extractor.extract("suture", PatientFacts.UNKNOWN, LocalDate.of(2026, 5, 26)).sundayOrHoliday()).isFalse();
	}

	@Test
	void ageComesFromThePatientWhenTheNoteGivesNone() {
		PatientFacts child = new PatientFacts(PatientFacts.Sex.FEMALE, LocalDate.of(2023, 1, 15), false);
		assertThat(extractor.extract("radio du poignet", child, LocalDate.of(2026, 3, 2)).ageInMonths()).isEqualTo(37);
	}
}
