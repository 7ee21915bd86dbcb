package fr.ccamhub.server.export;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.batch2.maintenance.JobMaintenanceServiceImpl;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.rest.server.RestfulServer;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.consent.ConsentPolicyLookup;
import fr.ccamhub.interceptors.security.AccessPolicy;
import fr.ccamhub.interceptors.security.BulkExportAccess;
import fr.ccamhub.server.fhir.StorageInterceptor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HAPI's Bulk Data export (NDJSON, async jobs), confined to the caller's grants and to patients' consent. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ccamhub.fhir.bulk-export.enabled", havingValue = "true", matchIfMissing = true)
public class BulkExportConfig {

	@Bean
	StorageInterceptor bulkExportAccess(FhirContext fhirContext, AccessPolicy policy, ConsentPolicyLookup consents,
			AuditEventRepository audit) {
		return new StorageInterceptor(new BulkExportAccess(fhirContext, policy, consents, audit));
	}

	@Bean
	InitializingBean bulkExportEndpoint(RestfulServer server, BulkDataExportProvider provider, JpaStorageSettings settings,
			BulkExportProperties properties, IJobMaintenanceService jobMaintenance) {
		return () -> {
			// HAPI moves a job to its next step on each maintenance pass (every minute by default): a small export
			// would take minutes.
			if (jobMaintenance instanceof JobMaintenanceServiceImpl maintenance) {
				maintenance.setScheduledJobFrequencyMillis(properties.jobCheckInterval().toMillis());
			}
			settings.setEnableTaskBulkExportJobExecution(true);
			settings.setBulkExportFileRetentionPeriodHours(properties.fileRetentionHours());
			settings.setBulkExportFileMaximumCapacity(properties.maxResourcesPerFile());
			server.registerProvider(provider);
		};
	}
}
