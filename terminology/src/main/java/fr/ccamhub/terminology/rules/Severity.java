package fr.ccamhub.terminology.rules;

/** How bad a finding is: an error makes the act unbillable as coded. */
public enum Severity {
	ERROR,
	WARNING,
	INFORMATION
}
