package fr.ccamhub.terminology.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The code must be open on the date of service. The current release is in force from its
 * effective date; before it, the history (V78.10 validity dates) decides. A code of the current
 * release that the history lacks was created after the history's date: for a date of service
 * between the two we cannot tell, and say so.
 */
public final class CodeInForceRule implements CcamRule {

	public static final String ID = "CCAM-CODE-NOT-IN-FORCE";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(RuleInput input, Findings findings) {
		CcamRuleBook book = input.book();
		LocalDate releaseStart = book.release().effectiveDate();
		String version = book.release().version();
		for (int i = 0; i < input.size(); i++) {
			BilledAct act = input.act(i);
			LocalDate date = act.serviceDate();
			Optional<CcamCodeHistory.Validity> history = book.history().validity(act.code());
			if (date == null || (input.ccam(i).isEmpty() && history.isEmpty())) {
				continue;
			}
			if (history.isPresent() && history.get().pmsiOnly()) {
				findings.add(ID, Severity.ERROR, i,
						act.code() + " est un code descriptif ATIH réservé au PMSI : il ne se facture pas.",
						act.code() + " is an ATIH descriptive code used only for PMSI reporting: it cannot be billed.");
			} else if (input.ccam(i).isPresent()) {
				checkCurrentCode(act, i, history, releaseStart, version, book.history().knownUntil(), findings);
			} else {
				checkWithdrawnCode(act, i, history.get(), releaseStart, version, findings);
			}
		}
	}

	private static void checkCurrentCode(BilledAct act, int i, Optional<CcamCodeHistory.Validity> history, LocalDate releaseStart,
			String version, LocalDate knownUntil, Findings findings) {
		LocalDate date = act.serviceDate();
		if (!date.isBefore(releaseStart)) {
			return;
		}
		if (history.isPresent()) {
			if (!history.get().openOn(date)) {
				findings.add(ID, Severity.ERROR, i,
						act.code() + " n'était pas en vigueur le " + date + " (ouvert le " + history.get().start() + ").",
						act.code() + " was not in force on " + date + " (opened on " + history.get().start() + ").");
			}
		} else if (date.isBefore(knownUntil)) {
			findings.add(ID, Severity.ERROR, i,
					act.code() + " n'existait pas le " + date + " : il a été créé après la version 78.10.",
					act.code() + " did not exist on " + date + ": it was created after CCAM V78.10.");
		} else {
			findings.add(ID, Severity.WARNING, i,
					act.code() + " a été créé entre la version 78.10 et la " + version + " : sa validité le " + date + " n'est pas vérifiable.",
					act.code() + " was created between CCAM V78.10 and " + version + ": whether it was in force on " + date
							+ " cannot be checked.");
		}
	}

	private static void checkWithdrawnCode(BilledAct act, int i, CcamCodeHistory.Validity validity, LocalDate releaseStart,
			String version, Findings findings) {
		LocalDate date = act.serviceDate();
		if (validity.end() != null && !date.isBefore(validity.end())) {
			findings.add(ID, Severity.ERROR, i,
					act.code() + " a été fermé le " + validity.end() + " : il n'est plus facturable le " + date + ".",
					act.code() + " was closed on " + validity.end() + ": it cannot be billed on " + date + ".");
		} else if (!date.isBefore(releaseStart)) {
			findings.add(ID, Severity.ERROR, i,
					act.code() + " ne figure plus dans la CCAM " + version + " en vigueur le " + date + ".",
					act.code() + " is no longer in CCAM " + version + ", in force on " + date + ".");
		} else if (!validity.openOn(date)) {
			findings.add(ID, Severity.ERROR, i,
					act.code() + " n'était pas en vigueur le " + date + ".",
					act.code() + " was not in force on " + date + ".");
		} else {
			findings.add(ID, Severity.WARNING, i,
					act.code() + " était en vigueur le " + date + " mais ne figure plus dans la CCAM " + version
							+ " : ni ses règles ni son tarif ne peuvent être vérifiés.",
					act.code() + " was in force on " + date + " but is not in CCAM " + version
							+ ": its rules and tariff cannot be checked.");
		}
	}
}
