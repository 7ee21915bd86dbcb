package fr.ccamhub.server.subscription;

import ca.uhn.fhir.jpa.subscription.match.deliver.email.EmailDetails;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;

/**
 * The email sender HAPI's delivery wiring requires. Email is not a supported channel here
 * (patient data by email), so HAPI never activates an email Subscription and this never sends.
 */
final class NoEmailSender implements IEmailSender {

	@Override
	public void send(EmailDetails details) {
		throw new UnsupportedOperationException("email Subscriptions are not supported by this server");
	}
}
