package fr.ccamhub.terminology.suggest.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {

	private final Pseudonymizer pseudonymizer = new Pseudonymizer();

	@Test
	void identifiersDatesAndContactsAreReplaced() {
		String out = pseudonymizer.pseudonymize("Mme Claire MARTIN-DURAND, née le 3 mars 1950, INS 250037512345678, "
				+ "IPP: A123456, tel +33 6 11 22 33 44, 4 bis avenue Foch, 69006 Lyon");
		assertThat(out).doesNotContain("Claire", "MARTIN", "1950", "250037512345678", "A123456", "6 11 22 33 44", "Foch", "69006");
	}

	@Test
	void namesWrittenLastNameFirstOrAfterATitleAreReplaced() {
		assertThat(pseudonymizer.pseudonymize("opéré par Dr Lefèvre, patient BERNARD Paul"))
				.doesNotContain("Lefèvre", "BERNARD", "Paul").contains("opéré par");
	}

	@Test
	void clinicalAbbreviationsAgesAndTimesAreKept() {
		String note = "TDM TAP injecté à 23h30, patient de 82 ans, FOGD avec biopsies, ECG 12 dérivations, PTH G";
		assertThat(pseudonymizer.pseudonymize(note)).isEqualTo(note);
	}
}
