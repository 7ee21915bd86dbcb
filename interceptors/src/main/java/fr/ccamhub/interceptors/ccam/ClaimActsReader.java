package fr.ccamhub.interceptors.ccam;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import fr.ccamhub.terminology.fhir.CcamSystems;
import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.ModifierVariants;
import fr.ccamhub.terminology.rules.Performer;
import fr.ccamhub.terminology.rules.PractitionerCategory;
import fr.ccamhub.terminology.rules.TariffSector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PositiveIntType;

/**
 * Reads the CCAM acts of a Claim: {@code item.productOrService} in the CCAM (ANS URL or OID),
 * activity and phase extensions (default 1 and 0), {@code item.modifier} (CCAM modifiers; a
 * modifier without a system is read as CCAM), association code extension, {@code servicedDate}
 * (else the period start, the claim's billable period start or its creation date), and the performer from {@code careTeam} (provider,
 * CNAM specialty in {@code qualification}, tariff sector extension). Malformed items are refused
 * with 422 and an issue pointing at the element.
 */
public final class ClaimActsReader {

	private final FhirContext fhirContext;
	private final ModifierVariants variants;

	public ClaimActsReader(FhirContext fhirContext, ModifierVariants variants) {
		this.fhirContext = fhirContext;
		this.variants = variants;
	}

	public ClaimActs read(Claim claim) {
		OperationOutcome problems = new OperationOutcome();
		List<BilledAct> acts = new ArrayList<>();
		List<Integer> items = new ArrayList<>();
		for (int i = 0; i < claim.getItem().size(); i++) {
			Claim.ItemComponent item = claim.getItem().get(i);
			String path = "Claim.item[" + i + "]";
			Coding code = ccamCoding(item.getProductOrService());
			if (code == null) {
				if (!item.getProductOrService().hasCoding()) {
					problem(problems, path + ".productOrService", "L'élément n'a pas de code (productOrService).",
							"Item has no productOrService code.");
				}
				continue;
			}
			LocalDate date = serviceDate(claim, item);
			if (date == null) {
				problem(problems, path + ".servicedDate", "Date de réalisation manquante (servicedDate).",
						"Date of service missing (servicedDate), and the claim has neither billablePeriod.start nor created.");
			}
			Integer activity = integer(item.getExtensionByUrl(CcamFhir.ACTIVITY), 1, path, problems);
			Integer phase = integer(item.getExtensionByUrl(CcamFhir.PHASE), 0, path, problems);
			Integer association = integer(item.getExtensionByUrl(CcamFhir.ASSOCIATION), null, path, problems);
			List<String> modifiers = new ArrayList<>();
			for (int m = 0; m < item.getModifier().size(); m++) {
				String modifier = modifier(item.getModifier().get(m), path + ".modifier[" + m + "]", problems);
				if (modifier != null) {
					modifiers.add(modifier);
				}
			}
			acts.add(new BilledAct(code.getCode(), activity == null ? 1 : activity, phase == null ? 0 : phase, modifiers,
					association, date, performer(claim, item)));
			items.add(i);
		}
		if (problems.hasIssue()) {
			throw new UnprocessableEntityException(fhirContext, problems);
		}
		Extension exempt = claim.getExtensionByUrl(CcamFhir.COPAYMENT_EXEMPT);
		boolean copaymentExempt = exempt != null && exempt.getValue() instanceof BooleanType b && b.booleanValue();
		return new ClaimActs(acts, items, copaymentExempt);
	}

	/** servicedDate, else servicedPeriod.start, else the claim's billablePeriod.start, else the date it was created. */
	private static LocalDate serviceDate(Claim claim, Claim.ItemComponent item) {
		if (item.hasServicedDateType()) {
			return ParisDates.localDate(item.getServicedDateType().getValue());
		}
		if (item.hasServicedPeriod() && item.getServicedPeriod().hasStart()) {
			return ParisDates.localDate(item.getServicedPeriod().getStart());
		}
		if (claim.getBillablePeriod().hasStart()) {
			return ParisDates.localDate(claim.getBillablePeriod().getStart());
		}
		return ParisDates.localDate(claim.getCreated());
	}

	private static Coding ccamCoding(CodeableConcept concept) {
		for (Coding coding : concept.getCoding()) {
			if (CcamFhir.isCcam(coding.getSystem()) && coding.hasCode()) {
				return coding;
			}
		}
		return null;
	}

	private static String modifier(CodeableConcept concept, String path, OperationOutcome problems) {
		for (Coding coding : concept.getCoding()) {
			if ((!coding.hasSystem() || CcamSystems.CCAM_MODIFIERS.equals(coding.getSystem())) && coding.hasCode()) {
				return coding.getCode().trim().toUpperCase(Locale.ROOT);
			}
		}
		problem(problems, path, "Modificateur sans code CCAM (système attendu " + CcamSystems.CCAM_MODIFIERS + ").",
				"Modifier has no CCAM code (expected system " + CcamSystems.CCAM_MODIFIERS + ").");
		return null;
	}

	private Performer performer(Claim claim, Claim.ItemComponent item) {
		for (PositiveIntType sequence : item.getCareTeamSequence()) {
			for (Claim.CareTeamComponent member : claim.getCareTeam()) {
				if (member.getSequence() == sequence.getValue()) {
					return performer(member);
				}
			}
		}
		return claim.getCareTeam().size() == 1 ? performer(claim.getCareTeamFirstRep()) : Performer.UNKNOWN;
	}

	private Performer performer(Claim.CareTeamComponent member) {
		String id = member.getProvider().getReference() != null ? member.getProvider().getReference()
				: member.getProvider().getIdentifier().getValue();
		PractitionerCategory category = PractitionerCategory.UNSPECIFIED;
		for (Coding coding : member.getQualification().getCoding()) {
			if (CcamFhir.CNAM_SPECIALTY_SYSTEM.equals(coding.getSystem())) {
				category = variants.categoryOfSpecialty(coding.getCode());
			}
		}
		Extension sector = member.getExtensionByUrl(CcamFhir.SECTOR);
		TariffSector tariffSector = sector == null ? TariffSector.SECTOR_1_OR_OPTAM : TariffSector.fromCode(sector.getValue().primitiveValue());
		return new Performer(id == null ? "care-team-" + member.getSequence() : id, category, tariffSector);
	}

	private static Integer integer(Extension extension, Integer fallback, String path, OperationOutcome problems) {
		if (extension == null || extension.getValue() == null) {
			return fallback;
		}
		String value = extension.getValue().primitiveValue();
		try {
			return Integer.valueOf(value.trim());
		} catch (NumberFormatException | NullPointerException e) {
			problem(problems, path + ".extension('" + extension.getUrl() + "')",
					"Valeur « " + value + " » invalide : un nombre est attendu.", "Value '" + value + "' is not a number.");
			return fallback;
		}
	}

	private static void problem(OperationOutcome outcome, String expression, String french, String english) {
		outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.INVALID)
				.setDiagnostics(english)
				.addExpression(expression)
				.setDetails(new CodeableConcept().setText(french));
	}
}
