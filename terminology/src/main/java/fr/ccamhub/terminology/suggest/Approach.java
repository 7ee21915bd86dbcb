package fr.ccamhub.terminology.suggest;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the operator reaches the organ. CCAM splits many acts by approach (the fourth letter of the
 * code often says it), so the approach named in a note, or its absence, decides between codes.
 */
public enum Approach {

	OPEN("par abord direct (chirurgie ouverte)", "par abord ouvert (laparotomie, incision)",
			"\\b(laparotomie|laparo|thoracotomie|arthrotomie|sternotomie|lombotomie|cervicotomie|ciel ouvert|abord direct|chirurgie ouverte|voie ouverte|par abord|mini-?laparotomie)\\b",
			"\\b(laparotomie|thoracotomie|arthrotomie|sternotomie|lombotomie|cervicotomie|abord direct|ciel ouvert)\\b"),
	LAPAROSCOPIC("par cœlioscopie / arthroscopie / thoracoscopie", "par cœlioscopie",
			"\\b(coelio\\w*|laparoscop\\w*|arthroscop\\w*|arthro|thoracoscop\\w*|videochirurgie|video-?assiste\\w*|retroperitoneoscop\\w*|robot\\w*)\\b",
			"\\b(coelioscopie|arthroscopie|thoracoscopie|videochirurgie|retroperitoneoscopie|pleuroscopie)\\b"),
	ENDOSCOPIC("par endoscopie (orifice naturel)", "par endoscopie",
			"\\b(endoscop\\w*|fibroscop\\w*|fogd|eogd|gastroscop\\w*|coloscop\\w*|rectoscop\\w*|cystoscop\\w*|urethrocystoscop\\w*|uretroscop\\w*|ureteroscop\\w*|hysteroscop\\w*|bronchoscop\\w*|duodenoscop\\w*|cpre|rtup|rtuv|transurethral\\w*|resectoscop\\w*)\\b",
			"\\b(endoscopie|\\w+scopie (?:rigide|souple)|par (?:oeso-gastro-duodenoscopie|coloscopie|rectoscopie|rectosigmoidoscopie|urethrocystoscopie|ureteroscopie|hysteroscopie|bronchoscopie|fibroscopie|laryngoscopie|nephroscopie|cystoscopie|duodenoscopie|enteroscopie|colonoscopie))\\b"),
	PERCUTANEOUS("par voie transcutanée", "par voie percutanée",
			"\\b(percutane\\w*|per-?cutane\\w*|transcutane\\w*|echoguide\\w*|echo-guide\\w*|radioguide\\w*|scanoguide\\w*|sous guidage|ponction)\\b",
			"\\b(voie transcutanee|voie percutanee)\\b"),
	ENDOVASCULAR("par voie vasculaire", "par voie endovasculaire",
			"\\b(endovasculaire|voie radiale|voie femorale|endoluminal\\w*|transluminal\\w*)\\b",
			"\\b(par voie (?:arterielle|veineuse|vasculaire)|voie (?:arterielle|veineuse) transcutanee|transluminale)\\b");

	private final String labelFr;
	private final String questionFr;
	private final Pattern textCue;
	private final Pattern labelCue;

	Approach(String labelFr, String questionFr, String textCue, String labelCue) {
		this.labelFr = labelFr;
		this.questionFr = questionFr;
		this.textCue = Pattern.compile(textCue);
		this.labelCue = Pattern.compile(labelCue);
	}

	/** How the approach reads in an explanation. */
	public String labelFr() {
		return labelFr;
	}

	/** How the approach reads in a clarification question. */
	public String questionFr() {
		return questionFr;
	}

	/** The approaches a clinical note names (folded text). */
	public static Set<Approach> inText(String foldedText) {
		Set<Approach> found = EnumSet.noneOf(Approach.class);
		for (Approach approach : values()) {
			if (approach.textCue.matcher(foldedText).find()) {
				found.add(approach);
			}
		}
		return found;
	}

	/** The approaches a CCAM label states (folded label). */
	public static Set<Approach> inLabel(String foldedLabel) {
		Set<Approach> found = EnumSet.noneOf(Approach.class);
		for (Approach approach : values()) {
			if (approach.labelCue.matcher(foldedLabel).find()) {
				found.add(approach);
			}
		}
		return found;
	}

}
