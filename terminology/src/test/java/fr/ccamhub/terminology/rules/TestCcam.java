package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real V81 release and its rule book, read once for all tests, and a short notation for acts. */
public final class TestCcam {

	public static final CcamRelease V81 = new CcamReleaseReader().read("ccam/V81");
	public static final CcamRuleBook BOOK = new CcamRuleBookReader().read(V81);
	public static final CcamRuleEngine ENGINE = CcamRuleEngine.standard(BOOK);
	public static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 3, 2);

	private TestCcam() {
	}

	/**
	 * Reads {@code CODE[/activity[/phase]][+MOD.MOD][#association][@date][!performer[:sector][:specialty]]}
	 * items separated by spaces; sector is {@code s1} or {@code s2}, specialty a CNAM code.
	 */
	public static List<BilledAct> acts(String notation) {
		List<BilledAct> acts = new ArrayList<>();
		for (String item : notation.trim().split("\\s+")) {
			String rest = item;
			Performer performer = Performer.UNKNOWN;
			int bang = rest.indexOf('!');
			if (bang >= 0) {
				String[] parts = rest.substring(bang + 1).split(":");
				TariffSector sector = parts.length > 1 && parts[1].equals("s2") ? TariffSector.OUTSIDE_SECTOR_1_OR_OPTAM
						: TariffSector.SECTOR_1_OR_OPTAM;
				PractitionerCategory category = parts.length > 2 ? BOOK.modifierVariants().categoryOfSpecialty(parts[2])
						: PractitionerCategory.UNSPECIFIED;
				performer = new Performer(parts[0], category, sector);
				rest = rest.substring(0, bang);
			}
			LocalDate date = DEFAULT_DATE;
			int at = rest.indexOf('@');
			if (at >= 0) {
				date = LocalDate.parse(rest.substring(at + 1));
				rest = rest.substring(0, at);
			}
			Integer association = null;
			int hash = rest.indexOf('#');
			if (hash >= 0) {
				association = Integer.valueOf(rest.substring(hash + 1));
				rest = rest.substring(0, hash);
			}
			List<String> modifiers = List.of();
			int plus = rest.indexOf('+');
			if (plus >= 0) {
				modifiers = Arrays.asList(rest.substring(plus + 1).split("\\."));
				rest = rest.substring(0, plus);
			}
			String[] codeParts = rest.split("/");
			int activity = codeParts.length > 1 ? Integer.parseInt(codeParts[1]) : 1;
			int phase = codeParts.length > 2 ? Integer.parseInt(codeParts[2]) : 0;
			acts.add(new BilledAct(codeParts[0], activity, phase, modifiers, association, date, performer));
		}
		return acts;
	}

	/** Reads {@code sex[;birth date][;exempt]}. */
	public static PatientFacts patient(String notation) {
		String[] parts = notation.trim().split(";");
		PatientFacts.Sex sex = switch (parts[0]) {
			case "M" -> PatientFacts.Sex.MALE;
			case "F" -> PatientFacts.Sex.FEMALE;
			default -> PatientFacts.Sex.UNKNOWN;
		};
		LocalDate birth = parts.length > 1 && !parts[1].isBlank() ? LocalDate.parse(parts[1]) : null;
		boolean exempt = parts.length > 2 && parts[2].equals("exempt");
		return new PatientFacts(sex, birth, exempt);
	}

	public static EncounterActs encounter(String acts, String patient) {
		return new EncounterActs(acts(acts), patient(patient));
	}
}
