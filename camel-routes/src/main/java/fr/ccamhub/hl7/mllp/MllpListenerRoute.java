package fr.ccamhub.hl7.mllp;

import fr.ccamhub.hl7.ingest.Hl7Ingestion;
import fr.ccamhub.hl7.ingest.Hl7Receipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mllp.MllpConstants;

/**
 * The MLLP front door: each framed message goes through {@link Hl7Ingestion}; the ACK it returns
 * (AA only once the message is committed) is what camel-mllp writes back on the socket.
 */
public class MllpListenerRoute extends RouteBuilder {

	private final MllpProperties properties;
	private final Hl7Ingestion ingestion;
	private final MeterRegistry meters;

	public MllpListenerRoute(MllpProperties properties, Hl7Ingestion ingestion, MeterRegistry meters) {
		this.properties = properties;
		this.ingestion = ingestion;
		this.meters = meters;
	}

	@Override
	public void configure() {
		String uri = "mllp://" + properties.host() + ":" + properties.port()
				+ "?autoAck=false&validatePayload=false&stringPayload=false&reuseAddress=true"
				+ "&maxConcurrentConsumers=" + properties.maxConcurrentConnections()
				+ "&idleTimeout=600000&receiveTimeout=15000&readTimeout=15000"
				+ (properties.tls() != null && properties.tls().enabled() ? "&sslContextParameters=#mllpSslContextParameters" : "");
		from(uri).routeId("hl7-mllp-listener").process(this::acknowledge);
	}

	private void acknowledge(Exchange exchange) {
		Timer.Sample sample = Timer.start(meters);
		byte[] frame = exchange.getIn().getBody(byte[].class);
		String remote = exchange.getIn().getHeader(MllpConstants.MLLP_REMOTE_ADDRESS, String.class);
		Hl7Receipt receipt = ingestion.receive(frame == null ? new byte[0] : frame, remote);
		exchange.setProperty(MllpConstants.MLLP_ACKNOWLEDGEMENT, receipt.ackBytes());
		sample.stop(meters.timer("ccamhub.hl7.ack.latency", "code", receipt.code()));
		Counter.builder("ccamhub.hl7.messages").tag("code", receipt.code()).tag("replay", String.valueOf(receipt.replayOfEarlier()))
				.register(meters).increment();
		if (!receipt.accepted()) {
			meters.counter("ccamhub.hl7.errors", "code", receipt.code()).increment();
		}
	}
}
