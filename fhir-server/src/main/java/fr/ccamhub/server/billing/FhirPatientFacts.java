package fr.ccamhub.server.billing;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.ccamhub.interceptors.ccam.ParisDates;
import fr.ccamhub.interceptors.ccam.PatientFactsLookup;
import fr.ccamhub.terminology.rules.PatientFacts;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/** Reads sex and birth date of the referenced Patient from the server, or of a contained one. */
@Component
public class FhirPatientFacts implements PatientFactsLookup {

	private final DaoRegistry daoRegistry;

	public FhirPatientFacts(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	@Override
	public PatientFacts facts(Reference reference) {
		if (reference == null) {
			return PatientFacts.UNKNOWN;
		}
		Patient patient = null;
		if (reference.getResource() instanceof Patient contained) {
			patient = contained;
		} else if (reference.getReference() != null && reference.getReference().startsWith("Patient/")) {
			try {
				patient = daoRegistry.getResourceDao(Patient.class).read(new IdType(reference.getReference()), new SystemRequestDetails());
			} catch (ResourceNotFoundException | ResourceGoneException e) {
				return PatientFacts.UNKNOWN;
			}
		}
		if (patient == null) {
			return PatientFacts.UNKNOWN;
		}
		PatientFacts.Sex sex = patient.getGender() == Enumerations.AdministrativeGender.MALE ? PatientFacts.Sex.MALE
				: patient.getGender() == Enumerations.AdministrativeGender.FEMALE ? PatientFacts.Sex.FEMALE : PatientFacts.Sex.UNKNOWN;
		return new PatientFacts(sex,
				ParisDates.localDate(patient.getBirthDate()),
				false);
	}
}
