package fr.ccamhub.server.backup;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.dao.BaseHapiFhirDao;
import ca.uhn.fhir.jpa.dao.IJpaStorageResourceParser;
import ca.uhn.fhir.jpa.dao.data.IResourceTableDao;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a restore ({@link SearchIndexRebuild}), rebuilds the Lucene index from the database before the server reports
 * ready: terminology concepts with Hibernate Search's mass indexer (their indexed fields come from their columns), and
 * resources by filling their full-text fields as HAPI does when it stores them (they are not columns) and indexing
 * them. Nothing in the database changes: no new version, no search-parameter rewrite, no terminology re-storage (HAPI's
 * reindex of a CodeSystem would re-store its concepts), no ledger entry.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchIndexRebuilder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuilder.class);
	private static final int BATCH = 200;

	private final Path dataDirectory;
	private final EntityManagerFactory entityManagerFactory;
	private final EntityManager entityManager;
	private final FhirContext fhirContext;
	private final IJpaStorageResourceParser parser;
	private final IResourceTableDao resources;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;

	SearchIndexRebuilder(@Value("${ccamhub.data-directory}") Path dataDirectory, EntityManagerFactory entityManagerFactory,
			FhirContext fhirContext, IJpaStorageResourceParser parser, IResourceTableDao resources, JdbcTemplate jdbc,
			TransactionTemplate transactions) {
		this.dataDirectory = dataDirectory;
		this.entityManagerFactory = entityManagerFactory;
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.fhirContext = fhirContext;
		this.parser = parser;
		this.resources = resources;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (!SearchIndexRebuild.requested(dataDirectory)) {
			return;
		}
		long start = System.nanoTime();
		log.info("Restored from a backup: rebuilding the search index from the database");
		SearchMapping mapping = Search.mapping(entityManagerFactory);
		List<Class<?>> derivedFromColumns = mapping.allIndexedEntities().stream()
				.<Class<?>>map(SearchIndexedEntity::javaClass)
				.filter(type -> !ResourceTable.class.isAssignableFrom(type))
				.toList();
		if (!derivedFromColumns.isEmpty()) {
			mapping.scope(derivedFromColumns).massIndexer().threadsToLoadObjects(1).purgeAllOnStart(true).startAndWait();
		}
		long terminologyMillis = (System.nanoTime() - start) / 1_000_000;
		long count = 0;
		long after = -1;
		while (true) {
			List<Long> ids = jdbc.queryForList("SELECT res_id FROM hfj_resource WHERE res_deleted_at IS NULL AND res_id > ? "
					+ "ORDER BY res_id LIMIT " + BATCH, Long.class, after);
			if (ids.isEmpty()) {
				break;
			}
			transactions.executeWithoutResult(tx -> {
				SearchSession search = Search.session(entityManager);
				ids.forEach(id -> resources.findById(JpaPid.fromId(id)).ifPresent(entity -> index(search, entity)));
			});
			count += ids.size();
			after = ids.get(ids.size() - 1);
		}
		try {
			Search.mapping(entityManagerFactory).scope(ResourceTable.class).workspace().flush();
			SearchIndexRebuild.done(dataDirectory);
		} catch (IOException e) {
			throw new UncheckedIOException("Search index rebuilt, but " + SearchIndexRebuild.MARKER + " could not be removed", e);
		}
		log.info("Search index rebuilt in {} ms: {} from their tables in {} ms, then {} resources", (System.nanoTime() - start) / 1_000_000,
				derivedFromColumns.stream().map(Class::getSimpleName).toList(), terminologyMillis, count);
	}

	/** The text HAPI indexes for {@code _content} and {@code _text}, set on the entity, then indexed at commit. */
	private void index(SearchSession search, ResourceTable entity) {
		IBaseResource resource = parser.toResource(entity, false);
		entity.setContentText(BaseHapiFhirDao.parseContentTextIntoWords(fhirContext, resource));
		if (resource instanceof DomainResource domain && domain.hasText() && domain.getText().hasDiv()) {
			entity.setNarrativeText(domain.getText().getDiv().allText());
		}
		search.indexingPlan().addOrUpdate(entity);
	}
}
