package fr.ccamhub.terminology.pricing;

import fr.ccamhub.terminology.ccam.CcamActivityPhase;
import fr.ccamhub.terminology.ccam.CcamModifier;
import fr.ccamhub.terminology.ccam.CcamModifierValue;
import fr.ccamhub.terminology.rules.AssociationPlanner;
import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.CcamRuleBook;
import fr.ccamhub.terminology.rules.NotCoveredRule;
import fr.ccamhub.terminology.rules.RuleInput;
import fr.ccamhub.terminology.rules.TariffSector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices the acts of an encounter the way SESAM-Vitale values a CCAM line (SFG "VF", RG_VF640):
 * {@code amount = round2(tariff × (1 + Σ percentage modifiers) × association rate) + round2(Σ
 * fixed modifiers)}; percentages add up, they do not compound; the association rate does not
 * reduce fixed-amount modifiers. Rounding is half-up to the cent at each of those steps.
 *
 * <p>The insurer pays 70 % (100 % when the patient is exempt or the act is exempt by nature,
 * exo codes 3 and 7). Acts of 120 EUR and more (invasive acts, exo 1, summed per practitioner and
 * day; non-invasive, exo 2, one by one; imaging, anaesthesia and dental acts excluded) are covered
 * in full apart from a flat 24 EUR the patient pays once.
 */
public final class CcamPricer {

	private static final BigDecimal HUNDRED = new BigDecimal("100");
	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final PricingPolicy policy;

	public CcamPricer(PricingPolicy policy) {
		this.policy = policy;
	}

	public EncounterPrice price(RuleInput input) {
		List<AssociationPlanner.Decision> plan = input.associations();
		List<Draft> drafts = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			drafts.add(draft(input, i, plan.get(i)));
		}
		applyThreshold(input, drafts);
		List<PricedAct> priced = new ArrayList<>();
		for (Draft draft : drafts) {
			priced.add(draft.finish(input.patient().copaymentExempt(), policy));
		}
		return EncounterPrice.of(priced);
	}

	private Draft draft(RuleInput input, int i, AssociationPlanner.Decision association) {
		BilledAct act = input.act(i);
		CcamActivityPhase line = input.line(i).orElse(null);
		BigDecimal tariff = line == null ? null : NotCoveredRule.tariff(line, act.performer().sector()).amount().orElse(null);
		List<AppliedModifier> modifiers = new ArrayList<>();
		BigDecimal percent = BigDecimal.ZERO;
		BigDecimal fixed = BigDecimal.ZERO;
		if (line != null) {
			for (String code : pricedModifiers(input, i)) {
				CcamModifier modifier = input.book().release().modifier(code).orElseThrow();
				int variantNumber = input.book().modifierVariants().variantFor(code, act.performer().category());
				CcamModifier.Variant variant = modifier.variants().stream().filter(v -> v.number() == variantNumber).findFirst()
						.orElse(modifier.generalCase());
				CcamModifierValue value = act.performer().sector() == TariffSector.SECTOR_1_OR_OPTAM
						? variant.sector1Optam()
						: variant.outsideSector1Optam();
				modifiers.add(new AppliedModifier(code, variant.number(), value));
				if (value.kind() == CcamModifierValue.Kind.PERCENT) {
					percent = percent.add(value.value());
				} else {
					fixed = fixed.add(value.value());
				}
			}
		}
		BigDecimal proportional = ZERO;
		BigDecimal fixedAmount = ZERO;
		if (tariff != null && association.billable()) {
			BigDecimal coefficient = BigDecimal.ONE.add(percent.divide(HUNDRED));
			proportional = round(tariff.multiply(coefficient).multiply(association.rate()));
			fixedAmount = round(fixed);
		}
		BigDecimal rate = insurerRateByNature(line) ? BigDecimal.ONE : policy.insurerRate();
		return new Draft(i, act, line, tariff, modifiers, association, proportional, fixedAmount, rate);
	}

	/** The modifiers that count: known, allowed for the act, each once, four at most (SFG VF: the first four). */
	private static Set<String> pricedModifiers(RuleInput input, int i) {
		Set<String> codes = new LinkedHashSet<>();
		List<String> allowed = input.ccam(i).map(a -> a.allowedModifiers()).orElse(List.of());
		for (String code : input.act(i).modifiers()) {
			if (codes.size() < input.book().maxModifiersPerAct() && allowed.contains(code) && input.book().release().modifier(code).isPresent()) {
				codes.add(code);
			}
		}
		return codes;
	}

	private static boolean insurerRateByNature(CcamActivityPhase line) {
		return line != null && ("3".equals(line.copaymentExemption()) || "7".equals(line.copaymentExemption()));
	}

	private void applyThreshold(RuleInput input, List<Draft> drafts) {
		Map<String, List<Draft>> invasiveByGroup = new HashMap<>();
		for (Draft draft : drafts) {
			if (!draft.thresholdEligible()) {
				continue;
			}
			String exo = draft.line.copaymentExemption();
			if (exo.startsWith("1")) {
				invasiveByGroup.computeIfAbsent(draft.association.group(), key -> new ArrayList<>()).add(draft);
			} else if (exo.startsWith("2") && draft.proportional.compareTo(policy.fullCoverageThreshold()) >= 0) {
				draft.coverInFull(true);
			}
		}
		for (List<Draft> group : invasiveByGroup.values()) {
			BigDecimal sum = group.stream().map(d -> d.proportional).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (sum.compareTo(policy.fullCoverageThreshold()) >= 0) {
				Draft largest = group.stream().max((a, b) -> a.amount().compareTo(b.amount())).orElseThrow();
				group.forEach(d -> d.coverInFull(d == largest));
			}
		}
	}

	static BigDecimal round(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	/** An act being priced, before the threshold rule decides who pays what. */
	private static final class Draft {
		final int index;
		final BilledAct act;
		final CcamActivityPhase line;
		final BigDecimal tariff;
		final List<AppliedModifier> modifiers;
		final AssociationPlanner.Decision association;
		final BigDecimal proportional;
		final BigDecimal fixed;
		BigDecimal rate;
		boolean carriesFlatContribution;

		Draft(int index, BilledAct act, CcamActivityPhase line, BigDecimal tariff, List<AppliedModifier> modifiers,
				AssociationPlanner.Decision association, BigDecimal proportional, BigDecimal fixed, BigDecimal rate) {
			this.index = index;
			this.act = act;
			this.line = line;
			this.tariff = tariff;
			this.modifiers = modifiers;
			this.association = association;
			this.proportional = proportional;
			this.fixed = fixed;
			this.rate = rate;
		}

		BigDecimal amount() {
			return proportional.add(fixed);
		}

		/** Imaging, anaesthesia and dental acts never fall under the 120 EUR rule (SFG VF). */
		boolean thresholdEligible() {
			if (line == null || tariff == null || !association.billable()) {
				return false;
			}
			String grouping = line.grouping();
			return line.activity() != CcamActivityPhase.ANAESTHESIA
					&& !"ADI".equals(grouping) && !"ADA".equals(grouping)
					&& CcamRuleBook.MEDICAL_GROUPINGS.contains(grouping);
		}

		void coverInFull(boolean flatContribution) {
			rate = BigDecimal.ONE;
			carriesFlatContribution = flatContribution;
		}

		PricedAct finish(boolean patientExempt, PricingPolicy policy) {
			BigDecimal amount = amount();
			BigDecimal effectiveRate = patientExempt ? BigDecimal.ONE : rate;
			BigDecimal flat = !patientExempt && carriesFlatContribution ? policy.flatContribution().min(amount) : ZERO;
			BigDecimal insurer = round(amount.multiply(effectiveRate)).subtract(flat);
			return new PricedAct(index, act.code(), act.activity(), act.phase(), tariff, modifiers, association, amount,
					effectiveRate, insurer, amount.subtract(insurer), flat.setScale(2));
		}
	}
}
