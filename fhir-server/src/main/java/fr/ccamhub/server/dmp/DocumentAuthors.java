package fr.ccamhub.server.dmp;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/** The practitioners who wrote a document: its authors, read from the store (a PractitionerRole gives its practitioner). */
final class DocumentAuthors {

	private DocumentAuthors() {}

	static List<Practitioner> of(DaoRegistry daos, DocumentReference document) {
		List<Practitioner> authors = new ArrayList<>();
		for (Reference author : document.getAuthor()) {
			practitionerOf(daos, author).ifPresent(authors::add);
		}
		return authors;
	}

	private static Optional<Practitioner> practitionerOf(DaoRegistry daos, Reference author) {
		if (!author.hasReference()) {
			return Optional.empty();
		}
		IdType id = new IdType(author.getReference());
		try {
			if ("Practitioner".equals(id.getResourceType())) {
				return Optional.of(daos.getResourceDao(Practitioner.class).read(id.toUnqualifiedVersionless(),
						new SystemRequestDetails()));
			}
			if ("PractitionerRole".equals(id.getResourceType())) {
				PractitionerRole role = daos.getResourceDao(PractitionerRole.class).read(id.toUnqualifiedVersionless(),
						new SystemRequestDetails());
				return role.hasPractitioner() ? practitionerOf(daos, role.getPractitioner()) : Optional.empty();
			}
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return Optional.empty();
		}
		return Optional.empty();
	}
}
