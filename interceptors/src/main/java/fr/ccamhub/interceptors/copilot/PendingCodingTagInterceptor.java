package fr.ccamhub.interceptors.copilot;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Tags every Procedure written in words without a CCAM code (REST, transaction or HL7) with
 * {@code statut-codage#a-coder}, in the same transaction as the write. The auto-coding route picks
 * tagged Procedures up, so an act is never lost between storage and coding, even across a restart.
 */
@Interceptor
public final class PendingCodingTagInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		tag(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource) {
		tag(resource);
	}

	private static void tag(IBaseResource resource) {
		if (resource instanceof Procedure procedure && ProcedureNotes.awaitsCoding(procedure)
				&& !ProcedureNotes.hasStatusTag(procedure)) {
			procedure.getMeta().addTag(CopilotFhir.STATUS_SYSTEM, CopilotFhir.PENDING, "À coder (copilote CCAM)");
		}
	}
}
