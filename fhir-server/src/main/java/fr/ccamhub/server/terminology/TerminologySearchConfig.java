package fr.ccamhub.server.terminology;

import ca.uhn.fhir.jpa.dao.data.ITermCodeSystemDao;
import ca.uhn.fhir.jpa.dao.data.ITermCodeSystemVersionDao;
import ca.uhn.fhir.jpa.dao.data.ITermConceptDao;
import fr.ccamhub.server.search.FrenchWordAnalysis;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ranked terminology search behind {@code ValueSet/$expand?filter=} ({@code ccamhub.terminology.search}). */
@Configuration(proxyBeanMethods = false)
public class TerminologySearchConfig {

	@Bean
	RankedFilterValueSetOperationProvider rankedFilterValueSetOperationProvider(
			EntityManagerFactory entityManagerFactory,
			ITermCodeSystemDao codeSystems,
			ITermCodeSystemVersionDao codeSystemVersions,
			ITermConceptDao concepts,
			PlatformTransactionManager transactionManager,
			TerminologySearchProperties properties) {
		TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
		readOnly.setReadOnly(true);
		return new RankedFilterValueSetOperationProvider(
				new ConceptTextSearch(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory), codeSystems, codeSystemVersions, concepts),
				readOnly,
				properties,
				FrenchWordAnalysis.analyzer());
	}
}
