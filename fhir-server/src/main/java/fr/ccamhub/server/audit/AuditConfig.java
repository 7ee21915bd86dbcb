package fr.ccamhub.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.audit.BreakTheGlassAuditInterceptor;
import fr.ccamhub.interceptors.audit.ImmutableRecordsInterceptor;
import fr.ccamhub.interceptors.audit.PrincipalAuditContext;
import fr.ccamhub.interceptors.audit.RefusedAccessAuditInterceptor;
import fr.ccamhub.interceptors.audit.StoringBalpSink;
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

	@Bean
	AuditEventRepository auditEventRepository(FhirContext fhirContext, DataSource dataSource, JdbcAuditJournal schemaFirst,
			ObjectProvider<LedgerWakeUp> ledger, ObjectProvider<LedgerProperties> ledgerProperties) {
		LedgerWakeUp wakeUp = ledger.getIfAvailable();
		LedgerProperties properties = ledgerProperties.getIfAvailable();
		boolean ledgered = wakeUp != null && properties != null && properties.resourceTypes().contains("AuditEvent");
		return new JournalAuditEventRepository(fhirContext, dataSource, ledgered,
				ledgered ? wakeUp::entriesCommitted : () -> {}, Clock.systemUTC());
	}

	@Bean
	AuditEventJournalProvider auditEventJournalProvider(FhirContext fhirContext, JdbcAuditJournal journal,
			AuditEventRepository repository, DaoRegistry daos, IInterceptorService storageInterceptors,
			DatabaseBackedPagingProvider pagingProvider) {
		return new AuditEventJournalProvider(fhirContext, journal, repository, daos, storageInterceptors,
				pagingProvider.getDefaultPageSize());
	}

	@Bean
	RestInterceptor balpAuditCapture(AuditEventRepository repository) {
		return new RestInterceptor(30, new BalpAuditCaptureInterceptor(new StoringBalpSink(repository), new PrincipalAuditContext()));
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
