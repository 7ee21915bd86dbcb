package fr.ccamhub.server.billing;

import fr.ccamhub.interceptors.ccam.StoreValidationMode;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CCAM rule checks and pricing ({@code ccamhub.ccam}): what a write with rule errors does, and the
 * amounts set by decree that pricing uses.
 */
@ConfigurationProperties("ccamhub.ccam")
public record CcamRulesProperties(
		@DefaultValue("flag") StoreValidationMode storeValidation,
		@DefaultValue("0.70") BigDecimal insurerRate,
		@DefaultValue("120.00") BigDecimal fullCoverageThreshold,
		@DefaultValue("24.00") BigDecimal flatContribution) {}
