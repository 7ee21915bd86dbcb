package fr.ccamhub.bench.dmp;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.dmp.recipient.LocalDocumentRecipient;
import fr.ccamhub.dmp.validation.PdsmValidator;

/**
 * The local PDSm Document Recipient of the tests as a process of its own, for {@code bench/dmp.sh}: validates every
 * ITI-65 Bundle against PDSm, stores it, answers a transaction-response. Runs until killed.
 * Usage: DmpRecipientServer &lt;port&gt;
 */
public final class DmpRecipientServer {

	private DmpRecipientServer() {}

	public static void main(String[] args) throws Exception {
		FhirContext fhir = FhirContext.forR4Cached();
		LocalDocumentRecipient recipient = new LocalDocumentRecipient(fhir, new PdsmValidator(fhir), Integer.parseInt(args[0]));
		System.out.println("PDSm Document Recipient on " + recipient.base());
		Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("received " + recipient.provideRequests().size()
				+ " ITI-65 requests, stored " + recipient.stored().size() + " documents")));
		Thread.currentThread().join();
	}
}
