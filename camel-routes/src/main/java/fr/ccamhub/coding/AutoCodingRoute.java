package fr.ccamhub.coding;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Polls the Procedures tagged {@code a-coder} and codes them one by one. A failure is retried with
 * back-off by Camel's redelivery; a Procedure that still fails keeps its tag and is taken up again
 * at the next poll, so no act is dropped.
 */
public final class AutoCodingRoute extends RouteBuilder {

	static final String CODE_ONE = "direct:ccam-auto-code-procedure";

	private final AutoCoder autoCoder;
	private final CopilotProperties properties;

	public AutoCodingRoute(AutoCoder autoCoder, CopilotProperties properties) {
		this.autoCoder = autoCoder;
		this.properties = properties;
	}

	@Override
	public void configure() {
		onException(Exception.class)
				.maximumRedeliveries(3)
				.redeliveryDelay(200)
				.useExponentialBackOff()
				.backOffMultiplier(2)
				.retryAttemptedLogLevel(LoggingLevel.WARN)
				.handled(true)
				.log(LoggingLevel.ERROR, "Auto-coding of Procedure/${body} failed, will retry at the next poll: ${exception.message}");

		from("timer:ccam-auto-coding?fixedRate=false&delay=" + properties.pollInterval().toMillis() + "&period="
				+ properties.pollInterval().toMillis())
				.routeId("ccam-auto-coding-poll")
				.bean(autoCoder, "pending")
				.split(body())
				.to(CODE_ONE);

		from(CODE_ONE)
				.routeId("ccam-auto-coding")
				.bean(autoCoder, "code(${body})");
	}
}
