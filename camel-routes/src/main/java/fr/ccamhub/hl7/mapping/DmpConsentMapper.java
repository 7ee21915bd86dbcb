package fr.ccamhub.hl7.mapping;

import fr.ccamhub.interceptors.consent.ConsentPolicy;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * PAM FR ZFA (DMP status) to the patient's choice about sharing with the DMP / Mon espace santé:
 * ZFA-9 {@code IO} (opposed to feeding the DMP) makes the {@code opposition-partage-dmp} Consent
 * active, {@code INO} (not opposed) makes it inactive, anything else ({@code NA}: not collected)
 * leaves it as it is. One Consent per patient, found again by identifier.
 */
final class DmpConsentMapper {

	static final String IDENTIFIER_SYSTEM = fr.ccamhub.terminology.fhir.CcamSystems.CCAMHUB_CANONICAL_BASE
			+ "/sid/consent/" + ConsentPolicy.OPPOSITION_SHARING.code();

	private final Hl7Dates dates;

	DmpConsentMapper(Hl7Dates dates) {
		this.dates = dates;
	}

	Optional<Consent> map(SegmentList.Located zfa, Identifier patientKey, String patientUrl) {
		String feeding = Fields.get(zfa.segment(), 9);
		Consent.ConsentState state = switch (feeding) {
			case "IO" -> Consent.ConsentState.ACTIVE;
			case "INO" -> Consent.ConsentState.INACTIVE;
			default -> null;
		};
		if (state == null) {
			return Optional.empty();
		}
		Consent consent = new Consent();
		consent.addIdentifier().setSystem(IDENTIFIER_SYSTEM).setValue(patientKey.getSystem() + "|" + patientKey.getValue());
		consent.setStatus(state);
		consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
		consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
		consent.setPatient(new Reference(patientUrl));
		consent.getPolicyRule().addCoding().setSystem(ConsentPolicy.SYSTEM).setCode(ConsentPolicy.OPPOSITION_SHARING.code())
				.setDisplay("Opposition à l'alimentation du DMP / partage avec Mon espace santé");
		consent.getProvision().setType(Consent.ConsentProvisionType.DENY);
		dates.dateTime(Fields.get(zfa.segment(), 10)).ifPresent(consent::setDateTimeElement);
		return Optional.of(consent);
	}
}
