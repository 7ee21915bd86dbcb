package fr.ccamhub.terminology.rules;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamChapter;
import fr.ccamhub.terminology.ccam.CcamModifier;
import fr.ccamhub.terminology.ccam.CcamNote;
import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.ccam.ClasspathCsv;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the {@link CcamRuleBook} of a release: pair rules parsed from its notes, plus the
 * curated tables shipped in {@code ccam/rules/} for what the notes state without codes.
 */
public final class CcamRuleBookReader {

	/** Act table with validity dates of the newest release we have with history (V78.10). */
	public static final String HISTORY = "ccam/V78.10/ccam_v78.10_actes.csv";
	/** Date of the V78.10 tables (nomensland commit "CCAM v78.10", 2025-04-29). */
	public static final LocalDate HISTORY_KNOWN_UNTIL = LocalDate.of(2025, 4, 29);
	public static final String RULES = "ccam/rules/";
	/** "4 modificateurs additifs au plus peuvent être codés" (notes of modifiers H, Q, V, W; Livre I). */
	public static final int MAX_MODIFIERS_PER_ACT = 4;

	/** Modifier notes such as Y's "Facturation : ne peut pas être facturé avec le modificateur Z". */
	private static final java.util.regex.Pattern EXCLUDED_MODIFIER =
			java.util.regex.Pattern.compile("ne peut pas être facturé avec le modificateur (\\w)");

	private final ClassLoader classLoader;

	public CcamRuleBookReader() {
		this(CcamRuleBookReader.class.getClassLoader());
	}

	public CcamRuleBookReader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	public CcamRuleBook read(CcamRelease release) {
		return new CcamRuleBook(
				release,
				new CcamCodeHistoryReader(classLoader).read(HISTORY, HISTORY_KNOWN_UNTIL),
				new ActPairIndex(incompatibilities(release)),
				new ActPairIndex(exclusions(release)),
				exclusiveModifiers(release),
				MAX_MODIFIERS_PER_ACT,
				modifierAges(),
				gestureListedBy(release),
				modifierActivities(),
				fullRateChapters(release),
				new ModifierVariants(modifierVariants(), specialties()));
	}

	private List<ActPairRule> incompatibilities(CcamRelease release) {
		List<ActPairRule> rules = new ArrayList<>();
		for (CcamAct act : release.acts()) {
			for (CcamNote note : act.notes()) {
				if (note.kind() == CcamNote.NoteKind.BILLING) {
					rules.addAll(BillingNoteParser.parse(act.code(), note.text()));
				}
			}
		}
		for (CcamChapter chapter : release.chapters()) {
			for (CcamNote note : chapter.notes()) {
				if (note.kind() == CcamNote.NoteKind.BILLING) {
					rules.addAll(BillingNoteParser.parse(chapter.code(), note.text()));
				}
			}
		}
		forEach(RULES + "incompatibilites.csv", record -> {
			for (String code : split(record.get("code"))) {
				for (String other : split(record.get("incompatible_avec"))) {
					rules.add(new ActPairRule(code, other, Set.of(), "oui".equals(record.get("conditionnel")), record.get("source")));
				}
			}
		});
		return rules;
	}

	/** "À l'exclusion de : ... (CODE)": the note's act does not cover what CODE codes. */
	private static List<ActPairRule> exclusions(CcamRelease release) {
		List<ActPairRule> rules = new ArrayList<>();
		for (CcamAct act : release.acts()) {
			addExclusions(rules, act.code(), act.notes());
		}
		for (CcamChapter chapter : release.chapters()) {
			addExclusions(rules, chapter.code(), chapter.notes());
		}
		return rules;
	}

	private static void addExclusions(List<ActPairRule> rules, String subject, List<CcamNote> notes) {
		for (CcamNote note : notes) {
			if (note.kind() != CcamNote.NoteKind.EXCLUSION) {
				continue;
			}
			String source = "note " + subject + " : « " + note.text().replaceAll("\\s+", " ") + " »";
			for (String code : BillingNoteParser.codes(note.text())) {
				if (!code.equals(subject)) {
					rules.add(new ActPairRule(subject, code, Set.of(), false, source));
				}
			}
		}
	}

	private Map<String, Set<String>> exclusiveModifiers(CcamRelease release) {
		Map<String, Set<String>> exclusive = new HashMap<>();
		for (CcamModifier modifier : release.modifiers()) {
			for (CcamNote note : modifier.notes()) {
				java.util.regex.Matcher matcher = EXCLUDED_MODIFIER.matcher(note.text());
				while (matcher.find()) {
					link(exclusive, modifier.code(), matcher.group(1));
				}
			}
		}
		forEach(RULES + "modificateurs_incompatibles.csv", record -> {
			List<String> group = Arrays.asList(record.get("groupe").trim().split("\\s+"));
			for (String a : group) {
				for (String b : group) {
					if (!a.equals(b)) {
						link(exclusive, a, b);
					}
				}
			}
		});
		Map<String, Set<String>> frozen = new HashMap<>();
		exclusive.forEach((key, value) -> frozen.put(key, Set.copyOf(value)));
		return Map.copyOf(frozen);
	}

	private static void link(Map<String, Set<String>> exclusive, String a, String b) {
		exclusive.computeIfAbsent(a, key -> new LinkedHashSet<>()).add(b);
		exclusive.computeIfAbsent(b, key -> new LinkedHashSet<>()).add(a);
	}

	private Map<String, List<AgeRange>> modifierAges() {
		Map<String, List<AgeRange>> ages = new HashMap<>();
		forEach(RULES + "modificateurs_age.csv", record -> ages.computeIfAbsent(record.get("modificateur"), key -> new ArrayList<>())
				.add(new AgeRange(Integer.parseInt(record.get("age_min")),
						record.get("age_max_exclu").isBlank() ? null : Integer.parseInt(record.get("age_max_exclu")))));
		Map<String, List<AgeRange>> frozen = new HashMap<>();
		ages.forEach((key, value) -> frozen.put(key, List.copyOf(value)));
		return Map.copyOf(frozen);
	}

	private static Map<String, Set<String>> gestureListedBy(CcamRelease release) {
		Map<String, Set<String>> listedBy = new HashMap<>();
		for (CcamAct act : release.acts()) {
			for (String gesture : act.associatedGestures()) {
				listedBy.computeIfAbsent(gesture, key -> new LinkedHashSet<>()).add(act.code());
			}
		}
		Map<String, Set<String>> frozen = new HashMap<>();
		listedBy.forEach((key, value) -> frozen.put(key, Set.copyOf(value)));
		return Map.copyOf(frozen);
	}

	private Map<String, Set<Integer>> modifierActivities() {
		Map<String, Set<Integer>> activities = new HashMap<>();
		forEach(RULES + "modificateurs_activite.csv", record -> activities.put(record.get("modificateur"),
				split(record.get("activites")).stream().map(Integer::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet())));
		return Map.copyOf(activities);
	}

	/**
	 * Chapters whose acts are billed in full whatever the association (code 4): pathology
	 * examinations (every chapter titled "Examen anatomopathologique/cytopathologique"), EMG,
	 * conduction velocities and latencies (01.01.01.01-03), external irradiation (17.04.02) and
	 * radiotherapy supplements (19.01.10).
	 */
	private static Set<String> fullRateChapters(CcamRelease release) {
		Set<String> chapters = new LinkedHashSet<>(List.of("01.01.01.01", "01.01.01.02", "01.01.01.03", "17.04.02", "19.01.10"));
		for (CcamChapter chapter : release.chapters()) {
			String label = chapter.label().toLowerCase(java.util.Locale.ROOT);
			if (label.startsWith("examen anatomopathologique") || label.startsWith("examen cytopathologique")
					|| label.startsWith("examens anatomopathologiques") || label.startsWith("examens cytopathologiques")) {
				chapters.add(chapter.code());
			}
		}
		return Set.copyOf(chapters);
	}

	private Map<String, Map<PractitionerCategory, Integer>> modifierVariants() {
		Map<String, Map<PractitionerCategory, Integer>> variants = new HashMap<>();
		forEach(RULES + "modificateurs_variantes.csv", record -> {
			for (String category : split(record.get("categories"))) {
				variants.computeIfAbsent(record.get("modificateur"), key -> new HashMap<>())
						.put(PractitionerCategory.valueOf(category), Integer.parseInt(record.get("variante")));
			}
		});
		Map<String, Map<PractitionerCategory, Integer>> frozen = new HashMap<>();
		variants.forEach((key, value) -> frozen.put(key, Map.copyOf(value)));
		return Map.copyOf(frozen);
	}

	private Map<String, PractitionerCategory> specialties() {
		Map<String, PractitionerCategory> specialties = new HashMap<>();
		forEach(RULES + "specialites_cnam.csv",
				record -> specialties.put(record.get("specialite"), PractitionerCategory.valueOf(record.get("categorie"))));
		return Map.copyOf(specialties);
	}

	private static List<String> split(String pipeSeparated) {
		return Arrays.stream(pipeSeparated.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private void forEach(String path, Consumer<CSVRecord> consumer) {
		ClasspathCsv.forEachRecord(classLoader, path, consumer);
	}
}
