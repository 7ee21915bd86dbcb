package fr.ccamhub.terminology.ccam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CcamTariffTest {

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {"195.84;195.84", "'248, 15';248.15", "12,5;12.50", " 7 ;7.00"})
	void parsesAmountsWrittenInTheSourceStyles(String cell, String expected) {
		assertThat(CcamTariff.parse(cell).euros()).isEqualByComparingTo(expected);
		assertThat(CcamTariff.parse(cell).euros().scale()).isEqualTo(2);
	}

	@Test
	void readsNonPrisEnChargeAsNotCovered() {
		assertThat(CcamTariff.parse("Non pris en charge").covered()).isFalse();
		assertThat(CcamTariff.parse("").covered()).isFalse();
	}

	@Test
	void rejectsText() {
		assertThatThrownBy(() -> CcamTariff.parse("gratuit")).hasMessageContaining("gratuit");
	}
}
