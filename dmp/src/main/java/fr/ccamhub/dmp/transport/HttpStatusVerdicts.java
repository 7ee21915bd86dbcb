package fr.ccamhub.dmp.transport;

import fr.ccamhub.dmp.transport.RecipientAnswer.Verdict;

/** What an HTTP status from a FHIR Document Recipient means for the document sent. */
final class HttpStatusVerdicts {

	private HttpStatusVerdicts() {}

	static Verdict of(int status) {
		if (status >= 200 && status < 300) {
			return Verdict.STORED;
		}
		if (status == 401 || status == 403) {
			return Verdict.UNAUTHORIZED;
		}
		if (status == 409) {
			return Verdict.DUPLICATE;
		}
		if (status == 408 || status == 429 || status >= 500) {
			return Verdict.RETRY;
		}
		return Verdict.REJECTED;
	}
}
