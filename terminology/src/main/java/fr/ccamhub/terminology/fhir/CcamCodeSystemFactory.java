package fr.ccamhub.terminology.fhir;

import static fr.ccamhub.terminology.fhir.CcamConceptProperties.*;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamActivityPhase;
import fr.ccamhub.terminology.ccam.CcamChapter;
import fr.ccamhub.terminology.ccam.CcamModifier;
import fr.ccamhub.terminology.ccam.CcamModifierValue;
import fr.ccamhub.terminology.ccam.CcamNote;
import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.ccam.CcamSexRestriction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemHierarchyMeaning;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Turns a {@link CcamRelease} into FHIR R4 resources: the CCAM CodeSystem (chapters, then acts,
 * as an is-a tree), the modifiers CodeSystem and the ValueSets that expose them.
 *
 * <p>Property values other than codings are strings (amounts as plain decimals, flags as
 * {@code true}/{@code false}): HAPI's terminology tables answer {@code $lookup} with string and
 * coding properties only, so declaring them otherwise would contradict what the server returns.
 */
public final class CcamCodeSystemFactory {

	/** HAPI stores at most 400 characters of a display; longer labels go whole into a designation. */
	public static final int MAX_DISPLAY_LENGTH = 400;

	private static final String DESIGNATION_USAGE = "http://terminology.hl7.org/CodeSystem/designation-usage";
	private static final String GENDER = "http://hl7.org/fhir/administrative-gender";
	private static final String PUBLISHER = "Caisse nationale de l'Assurance Maladie (CNAM); FHIR rendering by ccamhub";
	private static final String COPYRIGHT = "CCAM : Assurance Maladie. Licence Ouverte v2 (Etalab) selon l'ANS.";

	/** Resource id of the CCAM CodeSystem of a version, e.g. {@code ccam-v81}. */
	public static String codeSystemId(String version) {
		return "ccam-" + idPart(version);
	}

	/** Resource id of the modifiers CodeSystem of a version, e.g. {@code ccam-modificateurs-v81}. */
	public static String modifiersCodeSystemId(String version) {
		return "ccam-modificateurs-" + idPart(version);
	}

	private static String idPart(String version) {
		return version.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	/** Number of concepts the CCAM CodeSystem of this release holds (chapters and acts). */
	public static int conceptCount(CcamRelease release) {
		return release.chapters().size() + release.acts().size();
	}

	/** Builds the complete CCAM CodeSystem, concepts nested by the CCAM tree. */
	public CodeSystem ccamCodeSystem(CcamRelease release) {
		CodeSystem codeSystem = header(release, codeSystemId(release.version()), CcamSystems.CCAM, "CCAM",
				"Classification commune des actes médicaux (CCAM) " + release.version());
		codeSystem.setHierarchyMeaning(CodeSystemHierarchyMeaning.ISA);
		codeSystem.setCount(conceptCount(release));
		codeSystem.addIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:oid:" + CcamSystems.CCAM_OID));
		declareActProperties(codeSystem, release);

		Map<String, ConceptDefinitionComponent> byCode = new HashMap<>();
		release.chapters().forEach(chapter -> byCode.put(chapter.code(), chapterConcept(chapter)));
		release.chapters().stream()
				.sorted(java.util.Comparator.comparing(CcamChapter::code))
				.forEach(chapter -> {
					ConceptDefinitionComponent concept = byCode.get(chapter.code());
					if (chapter.isRoot()) {
						codeSystem.addConcept(concept);
					} else {
						parent(byCode, chapter.parentCode(), chapter.code()).addConcept(concept);
					}
				});
		for (CcamAct act : release.acts()) {
			parent(byCode, act.chapterCode(), act.code()).addConcept(actConcept(act));
		}
		return codeSystem;
	}

	private static ConceptDefinitionComponent parent(
			Map<String, ConceptDefinitionComponent> byCode, String parentCode, String childCode) {
		ConceptDefinitionComponent parent = byCode.get(parentCode);
		if (parent == null) {
			throw new IllegalStateException("CCAM concept " + childCode + " has unknown parent " + parentCode);
		}
		return parent;
	}

	/** Builds the CodeSystem of the section 19.03 modifiers with every practitioner-dependent variant. */
	public CodeSystem modifiersCodeSystem(CcamRelease release) {
		CodeSystem codeSystem = header(release, modifiersCodeSystemId(release.version()), CcamSystems.CCAM_MODIFIERS,
				"CCAMModificateurs", "Modificateurs CCAM (section 19.03) " + release.version());
		codeSystem.setCount(release.modifiers().size());
		int maxVariants = release.modifiers().stream().mapToInt(m -> m.variants().size()).max().orElse(1);
		declare(codeSystem, MODIFIER_SECTION, PropertyType.STRING, "Section of the CCAM (19.03.xx) that defines the modifier");
		declare(codeSystem, MODIFIER_VARIANT_COUNT, PropertyType.STRING, "Number of practitioner-dependent variants");
		for (int variant = 1; variant <= maxVariants; variant++) {
			declare(codeSystem, MODIFIER_VARIANT_LABEL_PREFIX + variant, PropertyType.STRING,
					"Who variant " + variant + " applies to (variant 1 is the general case)");
			declare(codeSystem, MODIFIER_AMOUNT_SECTOR1_PREFIX + variant, PropertyType.STRING,
					"Fixed amount (EUR) added, sector 1 / OPTAM, variant " + variant);
			declare(codeSystem, MODIFIER_AMOUNT_OUTSIDE_PREFIX + variant, PropertyType.STRING,
					"Fixed amount (EUR) added, outside sector 1 / OPTAM, variant " + variant);
			declare(codeSystem, MODIFIER_PERCENT_SECTOR1_PREFIX + variant, PropertyType.STRING,
					"Percentage of the act tariff added, sector 1 / OPTAM, variant " + variant);
			declare(codeSystem, MODIFIER_PERCENT_OUTSIDE_PREFIX + variant, PropertyType.STRING,
					"Percentage of the act tariff added, outside sector 1 / OPTAM, variant " + variant);
		}
		declareNoteProperties(codeSystem);
		for (CcamModifier modifier : release.modifiers()) {
			ConceptDefinitionComponent concept = new ConceptDefinitionComponent().setCode(modifier.code());
			setDisplay(concept, modifier.generalCase().label());
			property(concept, MODIFIER_SECTION, new StringType(modifier.section()));
			property(concept, MODIFIER_VARIANT_COUNT, new StringType(String.valueOf(modifier.variants().size())));
			for (CcamModifier.Variant variant : modifier.variants()) {
				int n = variant.number();
				property(concept, MODIFIER_VARIANT_LABEL_PREFIX + n, new StringType(variant.label()));
				valueProperty(concept, variant.sector1Optam(), MODIFIER_AMOUNT_SECTOR1_PREFIX + n, MODIFIER_PERCENT_SECTOR1_PREFIX + n);
				valueProperty(concept, variant.outsideSector1Optam(), MODIFIER_AMOUNT_OUTSIDE_PREFIX + n, MODIFIER_PERCENT_OUTSIDE_PREFIX + n);
			}
			notes(concept, modifier.notes());
			codeSystem.addConcept(concept);
		}
		return codeSystem;
	}

	/** A ValueSet of every concept of a code system (current version), for {@code $expand} and validation. */
	public ValueSet wholeCodeSystemValueSet(String id, String system, String title) {
		ValueSet valueSet = new ValueSet();
		valueSet.setId(id);
		valueSet.setUrl(CcamSystems.CCAMHUB_CANONICAL_BASE + "/ValueSet/" + id);
		valueSet.setName(id.replaceAll("[^A-Za-z0-9]", ""));
		valueSet.setTitle(title);
		valueSet.setStatus(PublicationStatus.ACTIVE);
		valueSet.setExperimental(false);
		valueSet.getCompose().addInclude().setSystem(system);
		return valueSet;
	}

	private static void valueProperty(ConceptDefinitionComponent concept, CcamModifierValue value, String amountCode, String percentCode) {
		boolean percent = value.kind() == CcamModifierValue.Kind.PERCENT;
		property(concept, percent ? percentCode : amountCode, new StringType(value.value().toPlainString()));
	}

	private CodeSystem header(CcamRelease release, String id, String url, String name, String title) {
		CodeSystem codeSystem = new CodeSystem();
		codeSystem.setId(id);
		codeSystem.setUrl(url);
		codeSystem.setVersion(release.version());
		codeSystem.setName(name);
		codeSystem.setTitle(title);
		codeSystem.setStatus(PublicationStatus.ACTIVE);
		codeSystem.setExperimental(false);
		codeSystem.setDate(Date.from(release.effectiveDate().atStartOfDay().toInstant(ZoneOffset.UTC)));
		codeSystem.setPublisher(PUBLISHER);
		codeSystem.setCopyright(COPYRIGHT);
		codeSystem.setDescription(release.title());
		codeSystem.setLanguage("fr-FR");
		codeSystem.setCaseSensitive(true);
		codeSystem.setContent(CodeSystemContentMode.COMPLETE);
		return codeSystem;
	}

	private static void declareActProperties(CodeSystem codeSystem, CcamRelease release) {
		declare(codeSystem, NOT_SELECTABLE, PropertyType.STRING, "Chapters of the CCAM tree are not billable codes");
		declare(codeSystem, LEVEL, PropertyType.STRING, "Depth of a chapter in the CCAM tree (1 chapter .. 4 sub-paragraph)");
		declare(codeSystem, ACTIVITY, PropertyType.STRING,
				"Activity of the act: 1 main act, 2 and 3 other performers, 4 anaesthesia, 5 extracorporeal circulation");
		declare(codeSystem, ACTIVITY_PHASE, PropertyType.STRING, "Billable activity-phase line of the act, e.g. 1-0");
		declare(codeSystem, MODIFIER, PropertyType.CODING, "Modifier allowed for the act (any activity)");
		declare(codeSystem, ASSOCIATED_GESTURE, PropertyType.CODING,
				"Complementary gesture or supplement listed under the act in the CCAM");
		declare(codeSystem, REIMBURSED_UNDER_CONDITIONS, PropertyType.STRING, "RC: reimbursed only under conditions");
		declare(codeSystem, PRIOR_APPROVAL, PropertyType.STRING, "AP: prior approval (entente prealable) required");
		declare(codeSystem, COPAYMENT_EXEMPTION, PropertyType.STRING, "Exo. TM: co-payment (ticket moderateur) exemption code");
		declare(codeSystem, GROUPING, PropertyType.STRING, "Grouping code of the main activity (ADC, ATM, ADA, ADI, ...)");
		declare(codeSystem, SEX, PropertyType.CODING, "Only patient sex the act may be billed for (absent: both)");
		List<CcamActivityPhase> lineKinds = distinctLines(release);
		for (CcamActivityPhase line : lineKinds) {
			String key = line.key();
			declare(codeSystem, tariffSector1(line), PropertyType.STRING,
					"Tariff (EUR), sector 1 / OPTAM, activity " + line.activity() + " phase " + line.phase());
			declare(codeSystem, tariffOutsideSector1(line), PropertyType.STRING,
					"Tariff (EUR), outside sector 1 / OPTAM, activity " + line.activity() + " phase " + line.phase());
			declare(codeSystem, NOT_COVERED_PREFIX + key, PropertyType.STRING,
					"Activity " + line.activity() + " phase " + line.phase() + " is not reimbursed (non pris en charge)");
			declare(codeSystem, LINE_LABEL_PREFIX + key, PropertyType.STRING,
					"Label of activity " + line.activity() + " phase " + line.phase());
			declare(codeSystem, LINE_GROUPING_PREFIX + key, PropertyType.STRING,
					"Grouping code of activity " + line.activity() + " phase " + line.phase());
		}
		declareNoteProperties(codeSystem);
	}

	private static List<CcamActivityPhase> distinctLines(CcamRelease release) {
		Map<String, CcamActivityPhase> lines = new LinkedHashMap<>();
		release.acts().stream()
				.flatMap(act -> act.activityPhases().stream())
				.sorted((a, b) -> a.activity() != b.activity() ? Integer.compare(a.activity(), b.activity()) : Integer.compare(a.phase(), b.phase()))
				.forEach(line -> lines.putIfAbsent(line.key(), line));
		return new ArrayList<>(lines.values());
	}

	private static void declareNoteProperties(CodeSystem codeSystem) {
		for (CcamNote.NoteKind kind : CcamNote.NoteKind.values()) {
			declare(codeSystem, kind.code(), PropertyType.STRING, "CCAM note: " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
		}
	}

	private static void declare(CodeSystem codeSystem, String code, PropertyType type, String description) {
		codeSystem.addProperty().setCode(code).setType(type).setDescription(description);
	}

	private static ConceptDefinitionComponent chapterConcept(CcamChapter chapter) {
		ConceptDefinitionComponent concept = new ConceptDefinitionComponent().setCode(chapter.code());
		setDisplay(concept, chapter.label());
		property(concept, NOT_SELECTABLE, new StringType("true"));
		property(concept, LEVEL, new StringType(String.valueOf(chapter.level())));
		notes(concept, chapter.notes());
		return concept;
	}

	private static ConceptDefinitionComponent actConcept(CcamAct act) {
		ConceptDefinitionComponent concept = new ConceptDefinitionComponent().setCode(act.code());
		setDisplay(concept, act.label());
		for (Integer activity : act.activities()) {
			property(concept, ACTIVITY, new StringType(String.valueOf(activity)));
		}
		for (CcamActivityPhase line : act.activityPhases()) {
			String key = line.key();
			property(concept, ACTIVITY_PHASE, new StringType(key));
			if (line.tariffSector1Optam().covered()) {
				property(concept, tariffSector1(line), new StringType(line.tariffSector1Optam().euros().toPlainString()));
			}
			if (line.tariffOutsideSector1Optam().covered()) {
				property(concept, tariffOutsideSector1(line), new StringType(line.tariffOutsideSector1Optam().euros().toPlainString()));
			}
			if (!line.tariffSector1Optam().covered() && !line.tariffOutsideSector1Optam().covered()) {
				property(concept, NOT_COVERED_PREFIX + key, new StringType("true"));
			}
			if (!line.label().isBlank()) {
				property(concept, LINE_LABEL_PREFIX + key, new StringType(line.label()));
			}
			if (!line.grouping().isBlank()) {
				property(concept, LINE_GROUPING_PREFIX + key, new StringType(line.grouping()));
			}
		}
		for (String modifier : act.allowedModifiers()) {
			property(concept, MODIFIER, new Coding(CcamSystems.CCAM_MODIFIERS, modifier, null));
		}
		for (String gesture : act.associatedGestures()) {
			property(concept, ASSOCIATED_GESTURE, new Coding(CcamSystems.CCAM, gesture, null));
		}
		property(concept, REIMBURSED_UNDER_CONDITIONS, new StringType(String.valueOf(act.reimbursedUnderConditions())));
		property(concept, PRIOR_APPROVAL, new StringType(String.valueOf(act.priorApproval())));
		if (!act.copaymentExemption().isBlank()) {
			property(concept, COPAYMENT_EXEMPTION, new StringType(act.copaymentExemption()));
		}
		if (!act.grouping().isBlank()) {
			property(concept, GROUPING, new StringType(act.grouping()));
		}
		if (act.sexRestriction() == CcamSexRestriction.MALE_ONLY) {
			property(concept, SEX, new Coding(GENDER, "male", "Male"));
		} else if (act.sexRestriction() == CcamSexRestriction.FEMALE_ONLY) {
			property(concept, SEX, new Coding(GENDER, "female", "Female"));
		}
		notes(concept, act.notes());
		return concept;
	}

	private static void notes(ConceptDefinitionComponent concept, List<CcamNote> notes) {
		for (CcamNote note : notes) {
			property(concept, note.kind().code(), new StringType(note.text()));
		}
	}

	private static void setDisplay(ConceptDefinitionComponent concept, String label) {
		if (label.length() <= MAX_DISPLAY_LENGTH) {
			concept.setDisplay(label);
			return;
		}
		concept.setDisplay(label.substring(0, MAX_DISPLAY_LENGTH - 1) + "…");
		concept.addDesignation()
				.setLanguage("fr-FR")
				.setUse(new Coding(DESIGNATION_USAGE, "display", "Display"))
				.setValue(label);
	}

	private static void property(ConceptDefinitionComponent concept, String code, Type value) {
		concept.addProperty().setCode(code).setValue(value);
	}

}
