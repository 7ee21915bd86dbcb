package fr.ccamhub.hl7.config;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import fr.ccamhub.hl7.ingest.Hl7Ingestion;
import fr.ccamhub.hl7.mapping.Hl7ToFhirMapper;
import fr.ccamhub.hl7.mllp.MllpServer;
import fr.ccamhub.hl7.mllp.MllpProperties;
import fr.ccamhub.hl7.mllp.SenderAllowList;
import fr.ccamhub.hl7.parse.Hl7Parser;
import fr.ccamhub.hl7.quarantine.QuarantineController;
import fr.ccamhub.hl7.store.Hl7Schema;
import fr.ccamhub.hl7.store.JdbcHl7Store;
import fr.ccamhub.terminology.ccam.CcamRelease;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** HL7 v2 ingestion: parser, mapper, durable store, quarantine API and the MLLP listener. */
@AutoConfiguration
@EnableConfigurationProperties(MllpProperties.class)
@Import(QuarantineController.class)
public class Hl7IngestionConfig {

	@Bean
	JdbcHl7Store hl7Store(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, IFhirSystemDao<Bundle, Meta> systemDao) {
		Hl7Schema.create(jdbc);
		return new JdbcHl7Store(jdbc, new TransactionTemplate(transactionManager), systemDao);
	}

	@Bean
	SenderAllowList mllpSenderAllowList(MllpProperties properties) {
		SenderAllowList allowList = new SenderAllowList(properties.allowedSenders());
		if (properties.enabled() && allowList.acceptsEveryone() && !isLoopback(properties.host())) {
			throw new IllegalStateException("Refusing to start: the MLLP listener would accept any sender on "
					+ properties.host() + ". Set ccamhub.hl7.mllp.allowed-senders (APP or APP|FACILITY), "
					+ "or listen on loopback only (ccamhub.hl7.mllp.host=127.0.0.1).");
		}
		return allowList;
	}

	@Bean
	Hl7Ingestion hl7Ingestion(CcamRelease ccam, MllpProperties properties, JdbcHl7Store store, SenderAllowList allowList) {
		Hl7Parser parser = new Hl7Parser();
		return new Hl7Ingestion(parser, new Hl7ToFhirMapper(ccam, ZoneId.of(properties.feedZone())), store, allowList);
	}

	@Bean
	@ConditionalOnProperty(name = "ccamhub.hl7.mllp.enabled", havingValue = "true")
	MllpServer mllpServer(MllpProperties properties, Hl7Ingestion ingestion, MeterRegistry meters) {
		return new MllpServer(properties, ingestion, meters);
	}

	private static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}
}
