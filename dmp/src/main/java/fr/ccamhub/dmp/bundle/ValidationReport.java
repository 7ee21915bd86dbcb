package fr.ccamhub.dmp.bundle;

import java.util.List;

/**
 * The validator's errors (a Bundle with any is never sent) and warnings, each as "location: message".
 */
public record ValidationReport(List<String> errors, List<String> warnings) {

	public ValidationReport {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	public boolean valid() {
		return errors.isEmpty();
	}
}
