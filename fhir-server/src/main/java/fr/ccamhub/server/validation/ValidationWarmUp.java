package fr.ccamhub.server.validation;

import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import fr.ccamhub.interceptors.audit.AuditEventShape;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Prepares the validator off the start-up path: the first validation loads FHIR R4's own
 * definitions and builds the validator's context (seconds), so it is done once in the background
 * with a sample FR Core INS Patient and TDE AuditEvent. Until then this health indicator, part of
 * the readiness group, is OUT_OF_SERVICE; a validation that comes earlier still works, it is only
 * slower.
 */
public class ValidationWarmUp implements HealthIndicator {

	private static final Logger LOG = LoggerFactory.getLogger(ValidationWarmUp.class);

	private final ProfileValidator validator;
	private final boolean enabled;
	private volatile ConformancePackages packages;
	private volatile Health health;

	public ValidationWarmUp(ProfileValidator validator, boolean enabled) {
		this.validator = validator;
		this.enabled = enabled;
		this.health = Health.outOfService().withDetail("packages", "loading").build();
	}

	/** Once the packages are in the validation chain: warms up on a thread of its own, or reports ready when off. */
	public void start(ConformancePackages loaded) {
		this.packages = loaded;
		if (!enabled) {
			health = Health.up().withDetail("warmUp", "off (ccamhub.fhir.validation.warm-up=false)").withDetails(packageDetails()).build();
			return;
		}
		health = Health.outOfService().withDetail("warmUp", "in progress").withDetails(packageDetails()).build();
		Thread thread = new Thread(this::run, "validation-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	private void run() {
		try {
			long first = timed(() -> validator.validate(WarmUpResources.insPatient(), WarmUpResources.FR_CORE_PATIENT_INS));
			long warm = timed(() -> validator.validate(WarmUpResources.insPatient(), WarmUpResources.FR_CORE_PATIENT_INS));
			long auditEvent = timed(() -> validator.validate(WarmUpResources.tdeAuditEvent(), AuditEventShape.TDE_PROFILE));
			LOG.info("Validator ready: first FR Core INS Patient validation {} ms, next one {} ms, TDE AuditEvent {} ms",
					first, warm, auditEvent);
			health = Health.up()
					.withDetails(packageDetails())
					.withDetail("firstPatientValidationMs", first)
					.withDetail("warmPatientValidationMs", warm)
					.withDetail("auditEventValidationMs", auditEvent)
					.build();
		} catch (RuntimeException e) {
			LOG.error("Validator warm-up failed: $validate and store-time profiles may not work", e);
			health = Health.down(e).withDetails(packageDetails()).build();
		}
	}

	private long timed(Supplier<ValidationResult> validation) {
		long start = System.nanoTime();
		ValidationResult result = validation.get();
		long millis = (System.nanoTime() - start) / 1_000_000;
		result.getMessages().stream().filter(ProfileValidator::isError).forEach(this::logUnexpected);
		return millis;
	}

	private void logUnexpected(SingleValidationMessage message) {
		LOG.warn("Warm-up sample does not validate (a conformance package is missing?): {} {}",
				message.getLocationString(), message.getMessage());
	}

	private Map<String, Object> packageDetails() {
		return Map.of(
				"packages", packages.packages(),
				"conformanceResources", packages.resourceCount(),
				"packageLoadMs", packages.loadTime().toMillis());
	}

	@Override
	public Health health() {
		return health;
	}
}
