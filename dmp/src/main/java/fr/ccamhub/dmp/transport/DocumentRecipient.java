package fr.ccamhub.dmp.transport;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Where shared documents go: a Document Recipient, reached by one protocol. Today ANS PDSm over FHIR (ITI-65,
 * {@link PdsmHttpRecipient}); an XDS.b ITI-41 adapter would implement the same two calls from the same ITI-65 Bundle.
 */
public interface DocumentRecipient {

	/** Provides the documents of an ITI-65 Bundle. Network failures are answers too (retry, ambiguous), not thrown. */
	RecipientAnswer provide(Bundle provideBundle);

	/**
	 * Looks a document up by its master identifier (ITI-67), to learn whether an attempt whose answer was lost did
	 * store it. Returns where the recipient keeps it, if it does.
	 *
	 * @throws RecipientUnreachableException when the recipient cannot say
	 */
	Optional<String> locate(String masterIdentifier);

	/** The recipient's address, as audit records name it. */
	String address();
}
