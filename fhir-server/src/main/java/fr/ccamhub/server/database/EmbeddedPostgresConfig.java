package fr.ccamhub.server.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL (binaries shipped as a Maven artifact) when no external database is
 * configured, so that a newcomer needs nothing but Java and Maven. Setting
 * {@code SPRING_DATASOURCE_URL} switches this off and Spring Boot's own DataSource takes over.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) {
		try {
			Files.createDirectories(properties.dataDirectory());
			OrphanPostmaster.stopIfRunning(properties.dataDirectory(), Duration.ofSeconds(60));
			long start = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(properties.dataDirectory())
					.setCleanDataDirectory(false)
					.setPort(properties.port())
					.setPGStartupWait(Duration.ofSeconds(60))
					// The library's defaults are for throw-away test databases (-F: no fsync, no
					// synchronous commit). This one holds patient data: a commit must be on disk.
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("max_connections", "100")
					// Stopped by this bean's destruction, after everything that uses the database: the library's own
					// shutdown hook would stop it at SIGTERM while requests, the audit journal and the ledger still
					// commit (then every pool waits 30 s for connections that cannot come).
					.setRegisterShutdownHook(false)
					.start();
			log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms). "
							+ "Set SPRING_DATASOURCE_URL to use an external PostgreSQL instead.",
					postgres.getPort(), properties.dataDirectory().toAbsolutePath(), (System.nanoTime() - start) / 1_000_000);
			return postgres;
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + properties.dataDirectory(), e);
		}
	}

	/** Pool settings under {@code spring.datasource.hikari} apply here as they do to an external database. */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("ccamhub-embedded");
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		return dataSource;
	}
}
