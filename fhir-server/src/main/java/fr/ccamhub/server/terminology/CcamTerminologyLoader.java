package fr.ccamhub.server.terminology;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.dao.data.ITermCodeSystemVersionDao;
import ca.uhn.fhir.jpa.dao.data.ITermConceptDao;
import ca.uhn.fhir.jpa.entity.TermCodeSystemVersion;
import ca.uhn.fhir.jpa.term.api.ITermCodeSystemStorageSvc;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.ccamhub.terminology.ccam.CcamRelease;
import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import fr.ccamhub.terminology.fhir.CcamCodeSystemFactory;
import fr.ccamhub.terminology.fhir.CcamSystems;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure every configured CCAM release is in HAPI's terminology tables, loading what is
 * missing through HAPI's terminology storage service. A release already stored whole (its concept
 * count matches its CodeSystem's {@code count}) is left alone, so a restart costs one query per
 * code system; a new release is stored beside the older ones and becomes the current version.
 */
@Component
@Order(0)
public class CcamTerminologyLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CcamTerminologyLoader.class);

	static final String CCAM_VALUE_SET_ID = "ccam";
	static final String MODIFIERS_VALUE_SET_ID = "ccam-modificateurs";

	private final CcamTerminologyProperties properties;
	private final ITermCodeSystemStorageSvc codeSystemStorage;
	private final ITermCodeSystemVersionDao codeSystemVersionDao;
	private final ITermConceptDao conceptDao;
	private final DaoRegistry daoRegistry;
	private final TransactionTemplate transactions;
	private final CcamReleaseReader reader = new CcamReleaseReader();
	private final CcamCodeSystemFactory factory = new CcamCodeSystemFactory();

	public CcamTerminologyLoader(
			CcamTerminologyProperties properties,
			ITermCodeSystemStorageSvc codeSystemStorage,
			ITermCodeSystemVersionDao codeSystemVersionDao,
			ITermConceptDao conceptDao,
			DaoRegistry daoRegistry,
			TransactionTemplate transactions) {
		this.properties = properties;
		this.codeSystemStorage = codeSystemStorage;
		this.codeSystemVersionDao = codeSystemVersionDao;
		this.conceptDao = conceptDao;
		this.daoRegistry = daoRegistry;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.loadOnStartup()) {
			log.info("CCAM loading at start-up is off (ccamhub.terminology.ccam.load-on-startup=false)");
			return;
		}
		for (String release : properties.releases()) {
			ensureLoaded(release);
		}
		ensureValueSets();
	}

	/** Loads the release in this classpath folder unless it is already stored whole. */
	public void ensureLoaded(String releaseFolder) {
		long start = System.nanoTime();
		String version = reader.readVersion(releaseFolder);
		boolean ccamStored = isStoredWhole(CcamSystems.CCAM, version, CcamCodeSystemFactory.codeSystemId(version));
		boolean modifiersStored = isStoredWhole(
				CcamSystems.CCAM_MODIFIERS, version, CcamCodeSystemFactory.modifiersCodeSystemId(version));
		if (ccamStored && modifiersStored) {
			log.info("CCAM {} already loaded (checked in {} ms)", version, millisSince(start));
			return;
		}
		log.info("Loading CCAM {} from classpath:{} ...", version, releaseFolder);
		CcamRelease release = reader.read(releaseFolder);
		log.info("Read CCAM {}: {} acts, {} chapters, {} modifiers in {} ms",
				version, release.acts().size(), release.chapters().size(), release.modifiers().size(), millisSince(start));
		if (!ccamStored) {
			store(factory.ccamCodeSystem(release));
		}
		if (!modifiersStored) {
			store(factory.modifiersCodeSystem(release));
		}
		log.info("CCAM {} loaded in {} ms", version, millisSince(start));
	}

	private boolean isStoredWhole(String system, String version, String resourceId) {
		Optional<CodeSystem> resource = readCodeSystem(resourceId);
		if (resource.isEmpty()) {
			return false;
		}
		Integer stored = transactions.execute(tx -> {
			TermCodeSystemVersion termVersion = codeSystemVersionDao.findByCodeSystemUriAndVersion(system, version);
			return termVersion == null ? 0 : conceptDao.countByCodeSystemVersion(termVersion.getPid());
		});
		int expected = resource.get().getCount();
		if (stored == null || stored != expected) {
			log.warn("{} {} holds {} of its {} concepts: it will be stored again", system, version, stored, expected);
			return false;
		}
		return true;
	}

	private Optional<CodeSystem> readCodeSystem(String resourceId) {
		IFhirResourceDao<CodeSystem> dao = daoRegistry.getResourceDao(CodeSystem.class);
		try {
			return Optional.of(dao.read(new IdType("CodeSystem", resourceId), new SystemRequestDetails()));
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return Optional.empty();
		}
	}

	private void store(CodeSystem codeSystem) {
		long start = System.nanoTime();
		log.info("Storing {} {} ({} concepts) through HAPI terminology storage ...",
				codeSystem.getUrl(), codeSystem.getVersion(), codeSystem.getCount());
		CodeSystem header = codeSystem.copy();
		header.getConcept().clear();
		codeSystemStorage.storeNewCodeSystemVersion(
				header,
				TermConceptTreeConverter.toTermCodeSystemVersion(codeSystem),
				new SystemRequestDetails(),
				List.of(),
				List.of());
		log.info("Stored {} {} in {} ms", codeSystem.getUrl(), codeSystem.getVersion(), millisSince(start));
	}

	private void ensureValueSets() {
		IFhirResourceDao<ValueSet> dao = daoRegistry.getResourceDao(ValueSet.class);
		for (ValueSet valueSet : List.of(
				factory.wholeCodeSystemValueSet(CCAM_VALUE_SET_ID, CcamSystems.CCAM,
						"CCAM : tous les actes et chapitres (version courante)"),
				factory.wholeCodeSystemValueSet(MODIFIERS_VALUE_SET_ID, CcamSystems.CCAM_MODIFIERS,
						"CCAM : modificateurs (version courante)"))) {
			try {
				dao.read(new IdType("ValueSet", valueSet.getIdElement().getIdPart()), new SystemRequestDetails());
			} catch (ResourceNotFoundException | ResourceGoneException e) {
				dao.update(valueSet, new SystemRequestDetails());
				log.info("Created ValueSet {}", valueSet.getUrl());
			}
		}
	}

	private static long millisSince(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}
}
