package fr.ccamhub.dmp.bundle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * A stored document and what its ITI-65 Bundle is built from: the DocumentReference (with its id and version), its
 * content, its patient and the practitioners who wrote it.
 *
 * @param replacedMasterIdentifier the master identifier, as shared, of the document this one replaces, if any
 * @param replacedLocation where the recipient keeps the replaced document ({@code DocumentReference/id}), if known
 */
public record SharedDocument(DocumentReference documentReference, Binary content, Patient patient,
		List<Practitioner> authors, Optional<String> replacedMasterIdentifier, Optional<String> replacedLocation) {

	public SharedDocument {
		Objects.requireNonNull(documentReference, "documentReference");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(patient, "patient");
		authors = List.copyOf(authors);
	}
}
