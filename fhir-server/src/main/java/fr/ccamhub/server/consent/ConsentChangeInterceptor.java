package fr.ccamhub.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;

/** Raises the consent version of the patient(s) of every Consent created, updated or deleted, in that write's transaction. */
@Interceptor
public final class ConsentChangeInterceptor {

	private final ConsentVersions versions;

	public ConsentChangeInterceptor(ConsentVersions versions) {
		this.versions = versions;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		raise(patientsOf(resource, null));
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource) {
		raise(patientsOf(resource, previous));
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		raise(patientsOf(resource, null));
	}

	private void raise(Set<String> patients) {
		patients.forEach(versions::raise);
	}

	private static Set<String> patientsOf(IBaseResource resource, IBaseResource previous) {
		Set<String> patients = new LinkedHashSet<>();
		for (IBaseResource consent : new IBaseResource[] {resource, previous}) {
			if (consent instanceof Consent typed && typed.getPatient().getReferenceElement().hasIdPart()) {
				patients.add(typed.getPatient().getReferenceElement().getIdPart());
			}
		}
		return patients;
	}
}
