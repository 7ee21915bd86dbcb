package fr.ccamhub.server.dmp;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import fr.ccamhub.dmp.delivery.DeliveryAttempt;
import fr.ccamhub.dmp.delivery.DeliveryListener;
import fr.ccamhub.dmp.delivery.DeliveryOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records on the DocumentReference that it reached the DMP, and when: a {@code dmp-sharing} tag added with HAPI's
 * {@code $meta-add} (no new version of the document, so nothing is queued again), its display giving the date. The
 * outbox and the AuditEvents keep the full history.
 */
final class SharingRecordListener implements DeliveryListener {

	static final String SHARING_SYSTEM = "https://fhir.ccamhub.fr/CodeSystem/dmp-sharing";

	private static final Logger log = LoggerFactory.getLogger(SharingRecordListener.class);

	private final DaoRegistry daos;

	SharingRecordListener(DaoRegistry daos) {
		this.daos = daos;
	}

	@Override
	public void attempted(DeliveryAttempt attempt) {
		if (attempt.outcome() != DeliveryOutcome.DELIVERED) {
			return;
		}
		Meta tag = new Meta();
		tag.addTag(new Coding(SHARING_SYSTEM, "partage-dmp", "Partagé avec le DMP le " + attempt.at()));
		try {
			daos.getResourceDao(DocumentReference.class).metaAddOperation(
					new IdType("DocumentReference", attempt.item().documentId()), tag, new SystemRequestDetails());
		} catch (RuntimeException e) {
			// The outbox row and the AuditEvent already say it was delivered.
			log.warn("Could not tag DocumentReference/{} as shared with the DMP: {}", attempt.item().documentId(),
					e.getMessage());
		}
	}
}
