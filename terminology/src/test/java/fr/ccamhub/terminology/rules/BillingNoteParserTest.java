package fr.ccamhub.terminology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The note shapes of V81 the parser must read, quoted from ccam_v81_notes.csv. */
class BillingNoteParserTest {

	@Test
	void readsTheCodesCitedAfterTheNegativePhrase() {
		List<ActPairRule> rules = BillingNoteParser.parse("DEQP003",
				"Facturation : ne peut pas être facturé avec un forfait de réanimation (YYYY015, YYYY020)");
		assertThat(rules).extracting(ActPairRule::other).containsExactly("YYYY015", "YYYY020");
		assertThat(rules).allMatch(rule -> !rule.conditional());
	}

	@Test
	void readsChapterRangesAndTheirExceptions() {
		List<ActPairRule> rules = BillingNoteParser.parse("YYYY010", "Facturation : \n- est facturé dans les situations où ...\n"
				+ "- ne peut pas être facturé avec des actes techniques des chapitres 1 à 17 à l'exception de : "
				+ "Électrocardiographie sur au moins 12 dérivations (DEQP003)");
		assertThat(rules).extracting(ActPairRule::other).hasSize(17).contains("01", "17");
		assertThat(rules).allMatch(rule -> rule.exceptions().contains("DEQP003") && !rule.conditional());
	}

	@Test
	void readsBulletListsAfterAColon() {
		List<ActPairRule> rules = BillingNoteParser.parse("EAJF341", "Facturation: ne peut pas être facturé avec : \n"
				+ " - un acte du sous-paragraphe 19.01.09.02 \n - guidage radiologique (YYYY033) \n"
				+ " - supplément pour imagerie pour acte de radiologie interventionnelle réalisée au bloc opératoire (YYYY300)");
		assertThat(rules).extracting(ActPairRule::other).containsExactlyInAnyOrder("YYYY033", "YYYY300", "19.01.09.02");
	}

	@Test
	void readsTheReverseFormWithTheCodeBeforeThePhrase() {
		List<ActPairRule> rules = BillingNoteParser.parse("DZQM006", "Facturation : la réalisation de l'électrocardiographie sur au"
				+ " moins 12 dérivations (DEQP003) ne peut pas être facturée en sus de l'échographie du cœur et des vaisseaux"
				+ " intrathoraciques à l’exception de sa réalisation lors des bilans pour traitement par médicament cardiotoxique");
		assertThat(rules).singleElement().satisfies(rule -> {
			assertThat(rule.subject()).isEqualTo("DEQP003");
			assertThat(rule.other()).isEqualTo("DZQM006");
			assertThat(rule.conditional()).as("an exception the acts cannot show").isTrue();
		});
	}

	@Test
	void marksRulesThatDependOnWhereTheActsWereDone() {
		List<ActPairRule> rules = BillingNoteParser.parse("HBJD001", "Facturation : non facturable, pour la même arcade, avec un"
				+ " acte de DSR ( HBJA003, HBJA171, HBJA634) à la date de réalisation du DSR et dans les 6 mois qui suivent");
		assertThat(rules).extracting(ActPairRule::other).containsExactly("HBJA003", "HBJA171", "HBJA634");
		assertThat(rules).allMatch(ActPairRule::conditional);
	}

	@Test
	void ignoresPositiveStatements() {
		assertThat(BillingNoteParser.parse("EDQM001", "Facturation : peut être facturé avec échographie-doppler des veines des"
				+ " membres inférieurs et des veines iliaques, sans marquage cutané (EJQM004) lors du diagnostic d’un ulcère")).isEmpty();
		assertThat(BillingNoteParser.parse("YYYY755", "Facturation : associable à HBGD038, non associable à ZZLP042"))
				.extracting(ActPairRule::other).containsExactly("ZZLP042");
	}
}
