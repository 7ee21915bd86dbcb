package fr.ccamhub.dmp.gate;

import fr.ccamhub.interceptors.consent.ConsentPolicy;
import fr.ccamhub.interceptors.ins.InsIdentityValidator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * Decides whether a patient's document may go to the DMP, from the patient's active consent policies and identity:
 * no opposition to sharing, no restricted access, and a qualified INS (an INS with a valid key on an identity whose
 * status is one of the qualifying ones, VALI by default). Checked when a document is queued and again just before it
 * is sent.
 */
public final class SharingGate {

	private final List<String> qualifyingStatuses;

	/** @param qualifyingStatuses FR Core identity statuses under which the INS may be used (e.g. VALI) */
	public SharingGate(List<String> qualifyingStatuses) {
		if (qualifyingStatuses.isEmpty()) {
			throw new IllegalArgumentException("at least one identity status must qualify an INS");
		}
		this.qualifyingStatuses = List.copyOf(qualifyingStatuses);
	}

	public GateDecision decide(Patient patient, Set<ConsentPolicy> activePolicies) {
		if (activePolicies.contains(ConsentPolicy.OPPOSITION_SHARING)) {
			return GateDecision.hold(HoldReason.OPPOSITION);
		}
		if (activePolicies.contains(ConsentPolicy.RESTRICTED_ACCESS)) {
			return GateDecision.hold(HoldReason.RESTRICTED_ACCESS);
		}
		Optional<Identifier> ins = QualifiedIns.insIdentifierOf(patient);
		if (ins.isEmpty()) {
			return GateDecision.hold(HoldReason.NO_INS);
		}
		Optional<String> problem = QualifiedIns.problemOf(ins.get());
		if (problem.isPresent()) {
			return GateDecision.hold(HoldReason.INVALID_INS, problem.get());
		}
		String status = InsIdentityValidator.identityStatus(patient).orElse("absent");
		if (!qualifyingStatuses.contains(status)) {
			return GateDecision.hold(HoldReason.UNQUALIFIED_IDENTITY, status, String.join(" ou ", qualifyingStatuses));
		}
		return GateDecision.send();
	}

	/** The qualified INS of a patient the gate let through. */
	public static QualifiedIns insOf(Patient patient) {
		Identifier ins = QualifiedIns.insIdentifierOf(patient)
				.orElseThrow(() -> new IllegalStateException("the patient has no INS"));
		return new QualifiedIns(ins.getSystem(), ins.getValue().trim());
	}
}
