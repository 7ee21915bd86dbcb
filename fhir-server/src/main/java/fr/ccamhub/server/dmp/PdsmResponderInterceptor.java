package fr.ccamhub.server.dmp;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.ccamhub.dmp.bundle.DocumentIdentifiers;
import fr.ccamhub.dmp.bundle.IncompleteDocumentException;
import fr.ccamhub.dmp.bundle.PdsmBundleBuilder;
import fr.ccamhub.dmp.bundle.SharedDocument;
import fr.ccamhub.dmp.gate.QualifiedIns;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import fr.ccamhub.interceptors.security.Role;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ccamhub as a PDSm Document Responder: DocumentReferences that partners (role {@code partner}) find (ITI-67) or read
 * are answered as PDSm Comprehensive DocumentReferences, with their author, custodian and patient contained, their
 * content's size, SHA-1 and title, and {@code attachment.url} where ITI-68 retrieves the Binary. Consent filtering
 * and the access audit have already run; a document that lacks what PDSm requires (no author with an RPPS, no INS)
 * is answered as stored.
 */
@Interceptor
final class PdsmResponderInterceptor {

	private static final Logger log = LoggerFactory.getLogger(PdsmResponderInterceptor.class);

	private final DaoRegistry daos;
	private final PdsmBundleBuilder renderer;
	private final String sourceId;

	PdsmResponderInterceptor(DaoRegistry daos, PdsmBundleBuilder renderer, String sourceId) {
		this.daos = daos;
		this.renderer = renderer;
		this.sourceId = sourceId;
	}

	/** After HAPI's consent interceptor (order 0), which removes every search total lest it count hidden results. */
	@Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = 100)
	public boolean outgoing(RequestDetails request, ResponseDetails response) {
		Optional<AccessPrincipal> principal = RequestPrincipals.of(request);
		if (principal.isEmpty() || !principal.get().has(Role.PARTNER)) {
			return true;
		}
		if (response.getResponseResource() instanceof Bundle bundle) {
			boolean documents = false;
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getResource() instanceof DocumentReference document) {
					entry.setResource(rendered(document, request.getFhirServerBase()));
					documents = true;
				}
			}
			// ITI-67 answers give their total. A single page's is its number of matches after consent filtering, which
			// tells nothing of hidden documents; with more pages none is given.
			if ((documents || "DocumentReference".equals(request.getResourceName()))
					&& bundle.getType() == Bundle.BundleType.SEARCHSET && !bundle.hasTotal()
					&& bundle.getLink(Bundle.LINK_NEXT) == null) {
				bundle.setTotal((int) bundle.getEntry().stream().filter(entry -> !entry.getSearch().hasMode()
						|| entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH).count());
			}
		} else if (response.getResponseResource() instanceof DocumentReference document) {
			response.setResponseResource(rendered(document, request.getFhirServerBase()));
		}
		return true;
	}

	private DocumentReference rendered(DocumentReference stored, String serverBase) {
		try {
			String contentUrl = stored.getContentFirstRep().getAttachment().getUrl();
			if (contentUrl == null || !contentUrl.startsWith("Binary/") || !stored.getSubject().hasReference()) {
				return stored;
			}
			Binary content = daos.getResourceDao(Binary.class).read(new IdType(contentUrl), system());
			Patient patient = daos.getResourceDao(Patient.class).read(new IdType(stored.getSubject().getReference()), system());
			if (QualifiedIns.insIdentifierOf(patient).isEmpty()) {
				return stored;
			}
			SharedDocument document = new SharedDocument(stored, content, patient, DocumentAuthors.of(daos, stored),
					Optional.empty(), Optional.empty());
			return renderer.render(document, DocumentIdentifiers.masterIdentifierOf(stored, sourceId),
					serverBase + "/" + new IdType(contentUrl).toUnqualifiedVersionless().getValue());
		} catch (IncompleteDocumentException | ResourceNotFoundException | ResourceGoneException e) {
			log.debug("DocumentReference/{} answered as stored: {}", stored.getIdElement().getIdPart(), e.getMessage());
			return stored;
		}
	}

	private static SystemRequestDetails system() {
		return new SystemRequestDetails();
	}
}
