package fr.ccamhub.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** ccamhub: a HAPI FHIR JPA R4 server for French healthcare, with CCAM loaded as a CodeSystem. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CcamhubApplication {

	public static void main(String[] args) {
		SpringApplication.run(CcamhubApplication.class, args);
	}
}
