package fr.ccamhub.interceptors.ledger;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.ccamhub.ledger.audit.ReceiptCheck;
import fr.ccamhub.ledger.audit.ReceiptVerification;
import fr.ccamhub.ledger.audit.ReceiptVerification.StoredVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@code POST /fhir/Provenance/[id]/$verify}: checks each ledgered target of a Provenance against the ledger and the
 * chain, and answers a Parameters with the overall {@code result} and one {@code check} per test and target
 * ({@code name}, {@code target}, {@code status}, {@code message}). The stored versions are read internally, only to
 * hash them: the answer holds hashes, never clinical content.
 */
public final class VerifyProvenanceOperation {

	private final FhirContext fhirContext;
	private final DaoRegistry daos;
	private final ReceiptVerification verification;
	private final Set<String> ledgeredTypes;

	public VerifyProvenanceOperation(FhirContext fhirContext, DaoRegistry daos, ReceiptVerification verification,
			Set<String> ledgeredTypes) {
		this.fhirContext = fhirContext;
		this.daos = daos;
		this.verification = verification;
		this.ledgeredTypes = Set.copyOf(ledgeredTypes);
	}

	@Operation(name = "$verify", type = Provenance.class, idempotent = true)
	public Parameters verify(@IdParam IdType provenanceId, RequestDetails request) {
		Provenance provenance = (Provenance) daos.getResourceDao(Provenance.class).read(provenanceId.toVersionless(), request);
		List<LedgeredTarget> targets = new ArrayList<>();
		for (Reference target : provenance.getTarget()) {
			LedgeredTarget.of(target, ledgeredTypes).ifPresent(targets::add);
		}
		if (targets.isEmpty()) {
			throw new UnprocessableEntityException("Provenance/" + provenanceId.getIdPart()
					+ " has no target the ledger can prove: a target must be a local, versioned reference (Procedure/1/_history/2)"
					+ " to one of " + ledgeredTypes.stream().sorted().toList() + ".");
		}
		Parameters result = new Parameters();
		boolean allPassed = true;
		List<Parameters.ParametersParameterComponent> checks = new ArrayList<>();
		for (LedgeredTarget target : targets) {
			List<ReceiptCheck> targetChecks = verification.verify(target.resourceType(), target.resourceId(), target.versionId(),
					stored(target));
			allPassed &= ReceiptVerification.allPassed(targetChecks);
			for (ReceiptCheck check : targetChecks) {
				Parameters.ParametersParameterComponent part = new Parameters.ParametersParameterComponent().setName("check");
				part.addPart().setName("name").setValue(new CodeType(check.name()));
				part.addPart().setName("target").setValue(new Reference(target.display()));
				part.addPart().setName("status").setValue(new CodeType(check.status().code()));
				part.addPart().setName("message").setValue(new StringType(check.message()));
				checks.add(part);
			}
		}
		result.addParameter().setName("result").setValue(new BooleanType(allPassed));
		checks.forEach(result::addParameter);
		return result;
	}

	private StoredVersion stored(LedgeredTarget target) {
		try {
			IBaseResource resource = daos.getResourceDao(target.resourceType()).read(target.versionedId(), new SystemRequestDetails());
			return StoredVersion.of(FhirResourceHashes.hash(fhirContext, resource));
		} catch (BaseServerResponseException e) {
			return StoredVersion.unreadable(e.getStatusCode() + " " + e.getMessage());
		} catch (RuntimeException e) {
			return StoredVersion.unreadable(Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
		}
	}
}
