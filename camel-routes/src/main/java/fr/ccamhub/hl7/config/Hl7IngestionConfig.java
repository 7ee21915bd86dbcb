package fr.ccamhub.hl7.config;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import fr.ccamhub.hl7.ingest.Hl7Ingestion;
import fr.ccamhub.hl7.mapping.Hl7ToFhirMapper;
import fr.ccamhub.hl7.mllp.MllpListenerRoute;
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
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SSLContextServerParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** HL7 v2 ingestion: parser, mapper, durable store, quarantine API and the MLLP listener route. */
@AutoConfiguration
@EnableConfigurationProperties(MllpProperties.class)
@Import(QuarantineController.class)
public class Hl7IngestionConfig {

	private static final Logger log = LoggerFactory.getLogger(Hl7IngestionConfig.class);

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
	MllpListenerRoute mllpListenerRoute(MllpProperties properties, Hl7Ingestion ingestion, MeterRegistry meters) {
		log.info("HL7 v2 MLLP listener on {}:{}{} ({})", properties.host(), properties.port(),
				properties.tls() != null && properties.tls().enabled() ? " with TLS" : "",
				properties.allowedSenders().isEmpty() ? "any sender" : "senders " + properties.allowedSenders());
		return new MllpListenerRoute(properties, ingestion, meters);
	}

	@Bean("mllpSslContextParameters")
	@ConditionalOnProperty(name = "ccamhub.hl7.mllp.tls.enabled", havingValue = "true")
	SSLContextParameters mllpSslContextParameters(MllpProperties properties) {
		MllpProperties.Tls tls = properties.tls();
		KeyStoreParameters keyStore = new KeyStoreParameters();
		keyStore.setResource(tls.keyStore());
		keyStore.setPassword(tls.keyStorePassword());
		KeyManagersParameters keyManagers = new KeyManagersParameters();
		keyManagers.setKeyStore(keyStore);
		keyManagers.setKeyPassword(tls.keyStorePassword());
		SSLContextParameters parameters = new SSLContextParameters();
		parameters.setKeyManagers(keyManagers);
		if (tls.trustStore() != null && !tls.trustStore().isBlank()) {
			KeyStoreParameters trustStore = new KeyStoreParameters();
			trustStore.setResource(tls.trustStore());
			trustStore.setPassword(tls.trustStorePassword());
			TrustManagersParameters trustManagers = new TrustManagersParameters();
			trustManagers.setKeyStore(trustStore);
			parameters.setTrustManagers(trustManagers);
			SSLContextServerParameters server = new SSLContextServerParameters();
			server.setClientAuthentication("REQUIRE");
			parameters.setServerParameters(server);
		}
		return parameters;
	}

	private static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}
}
