package fr.ccamhub.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.audit.BreakTheGlassAuditInterceptor;
import fr.ccamhub.interceptors.audit.ImmutableRecordsInterceptor;
import fr.ccamhub.interceptors.audit.RefusedAccessAuditInterceptor;
import fr.ccamhub.interceptors.audit.access.AccessAuditInterceptor;
import fr.ccamhub.server.audit.journal.AuditJournalGroupCommit;
import com.zaxxer.hikari.HikariDataSource;
import fr.ccamhub.server.audit.journal.AuditEventJournalProvider;
import fr.ccamhub.server.audit.journal.AuditJournalSchema;
import fr.ccamhub.server.audit.journal.JdbcAuditJournal;
import fr.ccamhub.server.audit.journal.JournalAuditEventRepository;
import fr.ccamhub.server.fhir.RestInterceptor;
import fr.ccamhub.server.fhir.StorageInterceptor;
import fr.ccamhub.server.ledger.LedgerProperties;
import fr.ccamhub.server.ledger.LedgerWakeUp;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Audit trail: one AuditEvent per access to patient data (HAPI's IHE BALP capture), per refused attempt, and per
 * break-the-glass access, kept in the audit journal ({@code ccamhub_audit_event}) with its ledger entry and served
 * as FHIR AuditEvents; AuditEvents can never be changed or deleted.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfig {

	@Bean
	JdbcAuditJournal auditJournal(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			AuditJournalSchema.create(connection);
		}
		return new JdbcAuditJournal(dataSource);
	}

	/**
	 * The group commit writes on a connection of its own, not from the main pool: requests hold pool connections while
	 * they wait for it, so with the pool exhausted by waiting reads it must never need one of them. (Not a bean: a
	 * second DataSource bean would turn off Boot's JdbcTemplate.)
	 */
	private static HikariDataSource auditJournalWriterPool(DataSource dataSource) {
		HikariDataSource main = (HikariDataSource) dataSource;
		HikariDataSource writer = new HikariDataSource();
		writer.setPoolName("audit-journal-writer");
		writer.setJdbcUrl(main.getJdbcUrl());
		writer.setUsername(main.getUsername());
		writer.setPassword(main.getPassword());
		writer.setDataSourceProperties(main.getDataSourceProperties());
		writer.setMaximumPoolSize(1);
		writer.setMinimumIdle(1);
		return writer;
	}

	@Bean(destroyMethod = "close")
	AuditJournalGroupCommit auditJournalGroupCommit(DataSource dataSource, JdbcAuditJournal schemaFirst,
			ObjectProvider<LedgerWakeUp> ledger, AuditJournalProperties properties) {
		LedgerWakeUp wakeUp = ledger.getIfAvailable();
		return new AuditJournalGroupCommit(auditJournalWriterPool(dataSource), wakeUp != null ? wakeUp::entriesCommitted : () -> {},
				properties.capacity(), properties.maxBatch(), properties.timeout());
	}

	@Bean
	JournalAuditEventRepository auditEventRepository(FhirContext fhirContext, DataSource dataSource, JdbcAuditJournal schemaFirst,
			ObjectProvider<LedgerWakeUp> ledger, ObjectProvider<LedgerProperties> ledgerProperties,
			AuditJournalGroupCommit groupCommit) {
		LedgerWakeUp wakeUp = ledger.getIfAvailable();
		LedgerProperties properties = ledgerProperties.getIfAvailable();
		boolean ledgered = wakeUp != null && properties != null && properties.resourceTypes().contains("AuditEvent");
		return new JournalAuditEventRepository(fhirContext, dataSource, ledgered,
				ledgered ? wakeUp::entriesCommitted : () -> {}, Clock.systemUTC(), groupCommit);
	}

	@Bean
	AuditEventJournalProvider auditEventJournalProvider(FhirContext fhirContext, JdbcAuditJournal journal,
			AuditEventRepository repository, DaoRegistry daos, IInterceptorService storageInterceptors,
			DatabaseBackedPagingProvider pagingProvider) {
		return new AuditEventJournalProvider(fhirContext, journal, repository, daos, storageInterceptors,
				pagingProvider.getDefaultPageSize());
	}

	/**
	 * Every read, search, create, update and delete through the FHIR API: BALP's events, shaped for TDE, written from
	 * access records (a write's in its transaction, a read's group-committed).
	 */
	@Bean
	RestInterceptor accessAudit(JournalAuditEventRepository repository) {
		return new RestInterceptor(30, new AccessAuditInterceptor(repository, Clock.systemUTC()));
	}

	@Bean
	RestInterceptor refusedAccessAudit(AuditEventRepository repository) {
		return new RestInterceptor(31, new RefusedAccessAuditInterceptor(repository));
	}

	@Bean
	RestInterceptor breakTheGlassAudit(AuditEventRepository repository) {
		return new RestInterceptor(32, new BreakTheGlassAuditInterceptor(repository));
	}

	@Bean
	StorageInterceptor auditEventImmutability() {
		return new StorageInterceptor(new ImmutableRecordsInterceptor());
	}
}
