package fr.ccamhub.coding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The coding copilot's workflow.
 *
 * @param autoCoding run the pipeline on Procedures stored in words without a CCAM code
 * @param shadow record suggestions (a shadow Task) without changing any Procedure
 * @param autoAcceptThreshold confidence (0-100) from which a suggestion with no rule error codes the
 *     Procedure without a human; above 100 every act goes to review
 * @param pollInterval how often the pipeline looks for Procedures to code
 * @param batchSize Procedures coded per poll at most
 * @param codingTeam identifier of the team that owns review Tasks
 * @param codingTeamName its display name
 */
@ConfigurationProperties("ccamhub.copilot")
public record CopilotProperties(
		boolean autoCoding,
		boolean shadow,
		int autoAcceptThreshold,
		Duration pollInterval,
		int batchSize,
		String codingTeam,
		String codingTeamName) {

	public CopilotProperties {
		if (autoAcceptThreshold < 0) {
			throw new IllegalArgumentException("ccamhub.copilot.auto-accept-threshold must be between 0 and 101");
		}
		pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
		batchSize = batchSize <= 0 ? 50 : batchSize;
		codingTeam = codingTeam == null || codingTeam.isBlank() ? "dim" : codingTeam;
		codingTeamName = codingTeamName == null || codingTeamName.isBlank() ? "Équipe de codage (DIM)" : codingTeamName;
	}
}
