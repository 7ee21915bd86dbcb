package fr.ccamhub.server.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FHIR Bulk Data export ({@code $export}).
 *
 * @param enabled serve {@code $export} at system, Patient and Group level
 * @param fileRetentionHours how long the NDJSON files of a finished export are kept
 * @param maxResourcesPerFile resources per NDJSON file before a new one is started
 * @param jobCheckInterval how often HAPI's batch jobs (exports, reindexing) are moved to their next step
 */
@ConfigurationProperties("ccamhub.fhir.bulk-export")
public record BulkExportProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("2") int fileRetentionHours,
		@DefaultValue("10000") int maxResourcesPerFile,
		@DefaultValue("5s") java.time.Duration jobCheckInterval) {}
