package fr.ccamhub.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ccamhub: a HAPI FHIR JPA R4 server for French healthcare, with CCAM loaded as a CodeSystem. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CcamhubApplication {

	/** Exit status when start-up fails. */
	static final int STARTUP_FAILED = 1;

	public static void main(String[] args) {
		try {
			SpringApplication application = new SpringApplication(CcamhubApplication.class);
			application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) prepared ->
					StartupPreflight.check(prepared.getEnvironment()));
			application.run(args);
		} catch (RuntimeException failure) {
			// All or nothing: Spring has closed what it started; no thread left behind may keep the JVM alive.
			System.err.println("ccamhub did not start: " + StartupFailure.describe(failure));
			System.exit(STARTUP_FAILED);
		}
	}
}
