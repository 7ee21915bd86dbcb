package fr.ccamhub.server.dmp;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.ccamhub.dmp.bundle.SharedDocument;
import fr.ccamhub.dmp.delivery.SharedDocumentSource;
import fr.ccamhub.dmp.outbox.DmpOutbox;
import fr.ccamhub.dmp.outbox.OutboxItem;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * Reads a queued document from the FHIR store as it was queued (that version), with its Binary, its patient as it is
 * now (identity and INS may have been qualified since), the practitioners who wrote it, and, for a replacement, where
 * the recipient keeps the replaced document.
 */
final class FhirSharedDocumentSource implements SharedDocumentSource {

	private final DaoRegistry daos;
	private final DmpOutbox outbox;

	FhirSharedDocumentSource(DaoRegistry daos, DmpOutbox outbox) {
		this.daos = daos;
		this.outbox = outbox;
	}

	@Override
	public Optional<SharedDocument> load(OutboxItem item) {
		try {
			DocumentReference document = dao(DocumentReference.class).read(
					new IdType("DocumentReference", item.documentId(), item.documentVersion()), system());
			String contentUrl = document.getContentFirstRep().getAttachment().getUrl();
			if (contentUrl == null || !contentUrl.startsWith("Binary/")) {
				return Optional.empty();
			}
			Binary content = dao(Binary.class).read(new IdType(contentUrl), system());
			Patient patient = dao(Patient.class).read(new IdType("Patient", item.patientId()), system());
			List<Practitioner> authors = DocumentAuthors.of(daos, document);
			// A replacement of a document the recipient has: relatesTo replaces, and the old one superseded where it is.
			// One the recipient never had (held, dead, or never queued) is shared as a new document.
			Optional<String> replacedLocation = item.replaces().flatMap(outbox::remoteLocationOf)
					.map(location -> new IdType(location).toUnqualifiedVersionless().getValue());
			Optional<String> replaced = replacedLocation.isPresent() ? item.replaces() : Optional.empty();
			return Optional.of(new SharedDocument(document, content, patient, authors, replaced, replacedLocation));
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return Optional.empty();
		}
	}

	private <T extends org.hl7.fhir.instance.model.api.IBaseResource> IFhirResourceDao<T> dao(Class<T> type) {
		return daos.getResourceDao(type);
	}

	private static SystemRequestDetails system() {
		return new SystemRequestDetails();
	}
}
