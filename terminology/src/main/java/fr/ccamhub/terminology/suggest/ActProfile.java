package fr.ccamhub.terminology.suggest;

import fr.ccamhub.terminology.ccam.CcamAct;
import java.util.Map;
import java.util.Set;

/**
 * What the ranker reads of one CCAM act, computed once: the stems of its label, the approach and
 * side its label states, its "avec X" / "sans X" qualifiers (stem of X → true for avec), the stem of
 * the label's first word (the action: exérèse, scanographie...), and whether it is a supplement or
 * modifier-like act (chapter 19) or a pathology examination, which a note names explicitly, and
 * the number of things (polyps, teeth, tumours), the size (of a wound, a lesion, a burn) and the
 * ages the act covers when its label says them.
 */
public record ActProfile(
		CcamAct act,
		String foldedLabel,
		Set<String> labelStems,
		Set<String> pathStems,
		Set<Approach> approaches,
		Laterality laterality,
		Map<String, Boolean> qualifiers,
		String chapterLabel,
		String headStem,
		boolean supplement,
		boolean pathology,
		Counts.Range count,
		Extents.Range extent,
		AgeBands.Band ageBand) {

	public ActProfile {
		labelStems = Set.copyOf(labelStems);
		pathStems = Set.copyOf(pathStems);
		approaches = Set.copyOf(approaches);
		qualifiers = Map.copyOf(qualifiers);
	}

	public String code() {
		return act.code();
	}
}
