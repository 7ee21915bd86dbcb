package fr.ccamhub.server.validation;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Stops the cache-refresh thread of each validation chain when the server stops. HAPI 8.8.0's
 * {@link ValidationSupportChain} refreshes expired cache entries on a non-daemon thread
 * ({@code CachingValidationSupport-1}) that it never shuts down: a server embedded in another JVM, or one whose
 * start-up failed, would leave it behind for good. HAPI offers no method for it, so the private executor is reached
 * by name; if a later HAPI renames it, this says so in the log and stops nothing.
 */
public final class ValidationChainExecutors implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(ValidationChainExecutors.class);
	private static final String EXECUTOR_FIELD = "myBackgroundExecutor";

	private final List<ValidationSupportChain> chains;

	public ValidationChainExecutors(List<ValidationSupportChain> chains) {
		this.chains = List.copyOf(chains);
	}

	@Override
	public void destroy() {
		chains.forEach(ValidationChainExecutors::shutDown);
	}

	static void shutDown(ValidationSupportChain chain) {
		try {
			Field field = ValidationSupportChain.class.getDeclaredField(EXECUTOR_FIELD);
			field.setAccessible(true);
			if (field.get(chain) instanceof ThreadPoolExecutor executor) {
				executor.shutdownNow();
				LOG.debug("Stopped the cache thread pool of validation chain {} ({} thread(s))", chain.getName(), executor.getPoolSize());
			}
		} catch (NoSuchFieldException | IllegalAccessException | RuntimeException e) {
			LOG.warn("Cannot stop the cache thread of validation chain {} ({}): it may outlive the server in this JVM",
					chain.getName(), e.toString());
		}
	}
}
