package fr.ccamhub.terminology.ccam;

import java.util.List;

/** A CCAM modifier (section 19.03) with its practitioner-dependent variants. */
public record CcamModifier(String code, String section, List<Variant> variants, List<CcamNote> notes) {

	public CcamModifier {
		variants = List.copyOf(variants);
		notes = List.copyOf(notes);
	}

	/** The general case is variant 1; later variants apply to specific practitioners. */
	public Variant generalCase() {
		return variants.get(0);
	}

	/** One line of section 19.03: who it applies to and what it is worth in each sector. */
	public record Variant(int number, String label, CcamModifierValue sector1Optam, CcamModifierValue outsideSector1Optam) {}
}
