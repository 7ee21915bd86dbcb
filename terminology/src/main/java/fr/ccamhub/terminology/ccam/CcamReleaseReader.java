package fr.ccamhub.terminology.ccam;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CCAM release shipped on the classpath: a folder with a {@code release.properties}
 * manifest naming the CSV files (ameli V81 layout parsed into flat tables).
 */
public final class CcamReleaseReader {

	private final ClassLoader classLoader;

	public CcamReleaseReader() {
		this(CcamReleaseReader.class.getClassLoader());
	}

	public CcamReleaseReader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/** Reads the release whose manifest is {@code <folder>/release.properties}. */
	public CcamRelease read(String folder) {
		Properties manifest = loadManifest(folder);
		String version = required(manifest, "version", folder);
		Map<String, List<CcamNote>> notesByTarget = readNotes(resource(folder, manifest, "notes"));
		Map<String, CcamSexRestriction> sexRestrictions = manifest.containsKey("sex-restrictions")
				? readSexRestrictions(required(manifest, "sex-restrictions", folder))
				: Map.of();
		List<CcamChapter> chapters = readChapters(resource(folder, manifest, "chapters"), notesByTarget);
		if (manifest.containsKey("chapter-supplements")) {
			chapters.addAll(readChapters(resource(folder, manifest, "chapter-supplements"), notesByTarget));
		}
		Map<String, List<CcamActivityPhase>> lines = readActivityPhases(resource(folder, manifest, "activity-phases"));
		List<CcamAct> acts = readActs(resource(folder, manifest, "acts"), lines, sexRestrictions, notesByTarget);
		List<CcamModifier> modifiers = readModifiers(resource(folder, manifest, "modifiers"), notesByTarget);
		Map<String, String> groupings = manifest.containsKey("grouping-labels")
				? readKeyValue(resource(folder, manifest, "grouping-labels"), "regroupement", "libelle_regroupement")
				: Map.of();
		return new CcamRelease(
				version,
				LocalDate.parse(required(manifest, "effective-date", folder)),
				required(manifest, "title", folder),
				chapters,
				acts,
				modifiers,
				groupings);
	}

	/** The version a release folder holds, read from its manifest alone (no data file is parsed). */
	public String readVersion(String folder) {
		return required(loadManifest(folder), "version", folder);
	}

	private Properties loadManifest(String folder) {
		Properties manifest = new Properties();
		String path = folder + "/release.properties";
		try (InputStream in = open(path);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			manifest.load(reader);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read CCAM release manifest " + path, e);
		}
		return manifest;
	}

	private static String required(Properties manifest, String key, String folder) {
		String value = manifest.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("CCAM release manifest " + folder + " lacks '" + key + "'");
		}
		return value.trim();
	}

	private static String resource(String folder, Properties manifest, String key) {
		return folder + "/" + required(manifest, key, folder);
	}

	private InputStream open(String path) {
		return ClasspathCsv.open(classLoader, path);
	}

	private void forEachRecord(String path, Consumer<CSVRecord> consumer) {
		ClasspathCsv.forEachRecord(classLoader, path, consumer);
	}

	private Map<String, List<CcamNote>> readNotes(String path) {
		Map<String, List<CcamNote>> notes = new HashMap<>();
		forEachRecord(path, record -> notes.computeIfAbsent(record.get("cible"), key -> new ArrayList<>())
				.add(CcamNote.of(record.get("rubrique"), record.get("texte"))));
		return notes;
	}

	private List<CcamChapter> readChapters(String path, Map<String, List<CcamNote>> notes) {
		List<CcamChapter> chapters = new ArrayList<>();
		forEachRecord(path, record -> chapters.add(new CcamChapter(
				record.get("code"),
				Integer.parseInt(record.get("niveau")),
				record.get("libelle").trim(),
				record.get("parent"),
				notes.getOrDefault(record.get("code"), List.of()))));
		return chapters;
	}

	private Map<String, List<CcamActivityPhase>> readActivityPhases(String path) {
		Map<String, List<CcamActivityPhase>> lines = new LinkedHashMap<>();
		forEachRecord(path, record -> lines.computeIfAbsent(record.get("code"), key -> new ArrayList<>())
				.add(new CcamActivityPhase(
						Integer.parseInt(record.get("activite")),
						Integer.parseInt(record.get("phase")),
						record.get("libelle_ligne").trim(),
						CcamTariff.parse(record.get("tarif_secteur1_optam")),
						CcamTariff.parse(record.get("tarif_hors_secteur1_optam")),
						record.get("regroupement"),
						record.get("exo_tm"),
						"RC".equals(record.get("rembt_sous_conditions")),
						"AP".equals(record.get("accord_prealable")))));
		return lines;
	}

	private List<CcamAct> readActs(
			String path,
			Map<String, List<CcamActivityPhase>> lines,
			Map<String, CcamSexRestriction> sexRestrictions,
			Map<String, List<CcamNote>> notes) {
		List<CcamAct> acts = new ArrayList<>();
		forEachRecord(path, record -> {
			String code = record.get("code");
			List<CcamActivityPhase> actLines = lines.get(code);
			if (actLines == null) {
				throw new IllegalStateException("act " + code + " has no activity/phase line");
			}
			acts.add(new CcamAct(
					code,
					record.get("libelle").trim(),
					record.get("hierarchie"),
					split(record.get("modificateurs")),
					split(record.get("gestes_associes")),
					"RC".equals(record.get("rembt_sous_conditions")),
					"AP".equals(record.get("accord_prealable")),
					record.get("exo_tm"),
					record.get("regroupement"),
					sexRestrictions.getOrDefault(code, CcamSexRestriction.ANY),
					actLines,
					notes.getOrDefault(code, List.of())));
		});
		return acts;
	}

	private List<CcamModifier> readModifiers(String path, Map<String, List<CcamNote>> notes) {
		Map<String, List<CcamModifier.Variant>> variants = new LinkedHashMap<>();
		Map<String, String> sections = new HashMap<>();
		forEachRecord(path, record -> {
			String code = record.get("code");
			sections.putIfAbsent(code, record.get("section"));
			variants.computeIfAbsent(code, key -> new ArrayList<>()).add(new CcamModifier.Variant(
					Integer.parseInt(record.get("variante")),
					record.get("libelle").trim(),
					CcamModifierValue.parse(record.get("valeur_secteur1_optam")),
					CcamModifierValue.parse(record.get("valeur_hors_secteur1_optam"))));
		});
		List<CcamModifier> modifiers = new ArrayList<>();
		variants.forEach((code, list) -> modifiers.add(
				new CcamModifier(code, sections.get(code), list, notes.getOrDefault(code, List.of()))));
		return modifiers;
	}

	/** Latest sex compatibility per act code in a CCAM NX-style act table (the newest row wins). */
	private Map<String, CcamSexRestriction> readSexRestrictions(String path) {
		Map<String, String> newestStart = new HashMap<>();
		Map<String, CcamSexRestriction> restrictions = new HashMap<>();
		forEachRecord(path, record -> {
			String code = record.get("code");
			String start = record.get("date_debut");
			String known = newestStart.get(code);
			if (known == null || start.compareTo(known) >= 0) {
				newestStart.put(code, start);
				restrictions.put(code, CcamSexRestriction.fromCcamCode(record.get("compatibilite_sexe")));
			}
		});
		return restrictions;
	}

	private Map<String, String> readKeyValue(String path, String keyColumn, String valueColumn) {
		Map<String, String> map = new LinkedHashMap<>();
		forEachRecord(path, record -> map.put(record.get(keyColumn), record.get(valueColumn)));
		return map;
	}

	private static List<String> split(String pipeSeparated) {
		if (pipeSeparated == null || pipeSeparated.isBlank()) {
			return List.of();
		}
		return Arrays.stream(pipeSeparated.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}
}
