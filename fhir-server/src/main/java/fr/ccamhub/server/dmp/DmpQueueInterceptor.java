package fr.ccamhub.server.dmp;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.ccamhub.dmp.bundle.DocumentIdentifiers;
import fr.ccamhub.dmp.gate.GateDecision;
import fr.ccamhub.dmp.gate.SharingGate;
import fr.ccamhub.dmp.outbox.DmpOutbox;
import fr.ccamhub.dmp.outbox.QueuedDocument;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a patient's final documents for the DMP in the transaction that stores them (REST, transaction Bundles, HL7
 * MDM and ORU alike): a current DocumentReference of a shared type, not preliminary, not marked "not for the DMP" by
 * its producer. The sharing gate is checked here (a held document waits with its reason) and again before sending.
 * A Consent or Patient write can put the patient's held documents back in the queue, when configured to.
 */
@Interceptor
final class DmpQueueInterceptor {

	/** The tag a producer puts on a document that must not go to the DMP (CI-SIS DESTDMP = N). */
	static final String NOT_FOR_DMP_SYSTEM = "https://fhir.ccamhub.fr/CodeSystem/dmp-destination";

	private final DataSource dataSource;
	private final DaoRegistry daos;
	private final ConsentPolicyLookup consents;
	private final SharingGate gate;
	private final String sourceId;
	private final Set<String> sharedTypes;
	private final boolean releaseHeldWhenCleared;
	private final DmpOutbox outbox;
	private final Runnable wakeUp;

	DmpQueueInterceptor(DataSource dataSource, DaoRegistry daos, ConsentPolicyLookup consents, SharingGate gate,
			String sourceId, List<String> sharedTypes, boolean releaseHeldWhenCleared, DmpOutbox outbox, Runnable wakeUp) {
		this.dataSource = dataSource;
		this.daos = daos;
		this.consents = consents;
		this.gate = gate;
		this.sourceId = sourceId;
		this.sharedTypes = Set.copyOf(sharedTypes);
		this.releaseHeldWhenCleared = releaseHeldWhenCleared;
		this.outbox = outbox;
		this.wakeUp = wakeUp;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		consider(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource resource) {
		consider(resource);
	}

	private void consider(IBaseResource resource) {
		if (resource instanceof DocumentReference document) {
			queue(document);
		} else if (releaseHeldWhenCleared && resource instanceof Consent consent && consent.getPatient().hasReference()) {
			releaseAfterCommit(new IdType(consent.getPatient().getReference()).getIdPart());
		} else if (releaseHeldWhenCleared && resource instanceof Patient patient) {
			releaseAfterCommit(patient.getIdElement().getIdPart());
		}
	}

	private void queue(DocumentReference document) {
		if (!shareable(document)) {
			return;
		}
		String patientId = new IdType(document.getSubject().getReference()).getIdPart();
		Patient patient;
		try {
			patient = daos.getResourceDao(Patient.class).read(new IdType("Patient", patientId), new SystemRequestDetails());
		} catch (ResourceNotFoundException e) {
			return; // referential integrity refuses such a document anyway
		}
		GateDecision decision = gate.decide(patient, consents.activePolicies(patientId));
		QueuedDocument queued = new QueuedDocument(document.getIdElement().getIdPart(),
				document.getIdElement().getVersionIdPart(), patientId,
				DocumentIdentifiers.masterIdentifierOf(document, sourceId), replacedOf(document));
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			DmpOutbox.enqueue(connection, queued, decision);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot queue " + document.getIdElement().toVersionless().getValue()
					+ " for the DMP: " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		afterCommit(wakeUp);
	}

	private boolean shareable(DocumentReference document) {
		if (document.getStatus() != Enumerations.DocumentReferenceStatus.CURRENT) {
			return false;
		}
		if (document.hasDocStatus() && document.getDocStatus() != DocumentReference.ReferredDocumentStatus.FINAL
				&& document.getDocStatus() != DocumentReference.ReferredDocumentStatus.AMENDED) {
			return false;
		}
		if (document.getMeta().getTag(NOT_FOR_DMP_SYSTEM, "N") != null) {
			return false;
		}
		String subject = document.getSubject().getReference();
		if (subject == null || !subject.startsWith("Patient/")) {
			return false;
		}
		return document.getType().getCoding().stream()
				.anyMatch(coding -> "http://loinc.org".equals(coding.getSystem()) && sharedTypes.contains(coding.getCode()));
	}

	/** The master identifier, as shared, of the document this one replaces: named by identifier or by reference. */
	private Optional<String> replacedOf(DocumentReference document) {
		return document.getRelatesTo().stream()
				.filter(relation -> relation.getCode() == DocumentReference.DocumentRelationshipType.REPLACES)
				.findFirst().flatMap(relation -> {
					if (relation.getTarget().hasIdentifier()) {
						org.hl7.fhir.r4.model.Identifier identifier = relation.getTarget().getIdentifier();
						var found = daos.getResourceDao(DocumentReference.class).searchForResources(
								SearchParameterMap.newSynchronous("identifier",
										new TokenParam(identifier.getSystem(), identifier.getValue())),
								new SystemRequestDetails());
						if (!found.isEmpty()) {
							return Optional.of(DocumentIdentifiers.masterIdentifierOf((DocumentReference) found.get(0), sourceId));
						}
						return DocumentIdentifiers.asUniqueId(identifier.getValue());
					}
					if (relation.getTarget().hasReference()) {
						try {
							DocumentReference replaced = daos.getResourceDao(DocumentReference.class).read(
									new IdType(relation.getTarget().getReference()), new SystemRequestDetails());
							return Optional.of(DocumentIdentifiers.masterIdentifierOf(replaced, sourceId));
						} catch (ResourceNotFoundException e) {
							return Optional.empty();
						}
					}
					return Optional.empty();
				});
	}

	private void releaseAfterCommit(String patientId) {
		afterCommit(() -> {
			if (outbox.releaseHeld(patientId) > 0) {
				wakeUp.run();
			}
		});
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}
}
