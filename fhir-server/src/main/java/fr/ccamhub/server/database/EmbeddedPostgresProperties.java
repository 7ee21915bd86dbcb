package fr.ccamhub.server.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL the application starts itself when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port TCP port on loopback, 0 for any free port
 */
@ConfigurationProperties("ccamhub.database.embedded")
public record EmbeddedPostgresProperties(Path dataDirectory, int port) {}
