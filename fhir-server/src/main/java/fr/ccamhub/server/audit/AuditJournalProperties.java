package fr.ccamhub.server.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit journal's group commit ({@code ccamhub.audit.journal}).
 *
 * @param capacity AuditEvents that may wait for a commit; a request finding it full waits up to {@code timeout}
 * @param maxBatch most AuditEvents one commit carries
 * @param timeout how long a request waits to hand its AuditEvent over, then for its commit, before it fails
 */
@ConfigurationProperties("ccamhub.audit.journal")
public record AuditJournalProperties(
		@DefaultValue("10000") int capacity,
		@DefaultValue("500") int maxBatch,
		@DefaultValue("10s") Duration timeout) {

	public AuditJournalProperties {
		if (capacity < 1 || maxBatch < 1) {
			throw new IllegalArgumentException("ccamhub.audit.journal.capacity and max-batch must be at least 1");
		}
	}
}
