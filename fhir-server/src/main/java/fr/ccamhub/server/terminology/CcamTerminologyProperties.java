package fr.ccamhub.server.terminology;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which CCAM releases the server holds.
 *
 * @param loadOnStartup load missing releases when the server starts
 * @param releases classpath folders of the releases to hold, oldest first; the last one becomes
 *     the current version of the code systems
 */
@ConfigurationProperties("ccamhub.terminology.ccam")
public record CcamTerminologyProperties(boolean loadOnStartup, List<String> releases) {}
