package fr.ccamhub.hl7.mllp;

import fr.ccamhub.hl7.ingest.Hl7Ingestion;
import fr.ccamhub.hl7.ingest.Hl7Receipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each framed message to {@link Hl7Ingestion} and writes back the ACK it returns (AA only once
 * the message is committed). Runs on a worker thread, never on the network threads: storing blocks.
 */
@ChannelHandler.Sharable
final class MllpMessageHandler extends SimpleChannelInboundHandler<MllpFrame> {

	private static final Logger log = LoggerFactory.getLogger(MllpMessageHandler.class);
	private static final byte[] START = {MllpFrameDecoder.START_BLOCK};
	private static final byte[] END = {MllpFrameDecoder.END_BLOCK, MllpFrameDecoder.CARRIAGE_RETURN};

	private final Hl7Ingestion ingestion;
	private final MeterRegistry meters;
	private final long maxMessageBytes;

	MllpMessageHandler(Hl7Ingestion ingestion, MeterRegistry meters, long maxMessageBytes) {
		this.ingestion = ingestion;
		this.meters = meters;
		this.maxMessageBytes = maxMessageBytes;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, MllpFrame frame) {
		Timer.Sample sample = Timer.start(meters);
		String remote = String.valueOf(ctx.channel().remoteAddress());
		Hl7Receipt receipt;
		if (frame.oversized()) {
			meters.counter("ccamhub.hl7.mllp.refused", "reason", "message-too-large").increment();
			receipt = ingestion.refuseOversized(frame.payload(), frame.size(), maxMessageBytes, remote);
		} else {
			receipt = ingestion.receive(frame.payload(), remote);
		}
		ctx.writeAndFlush(Unpooled.wrappedBuffer(START, receipt.ackBytes(), END));
		sample.stop(meters.timer("ccamhub.hl7.ack.latency", "code", receipt.code()));
		Counter.builder("ccamhub.hl7.messages").tag("code", receipt.code()).tag("replay", String.valueOf(receipt.replayOfEarlier()))
				.register(meters).increment();
		if (!receipt.accepted()) {
			meters.counter("ccamhub.hl7.errors", "code", receipt.code()).increment();
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
			log.warn("MLLP connection from {} closed: TLS failure ({})", ctx.channel().remoteAddress(), rootMessage(cause));
		} else if (cause instanceof IOException) {
			log.info("MLLP connection from {} closed: {}", ctx.channel().remoteAddress(), cause.getMessage());
		} else {
			log.error("MLLP connection from {} closed on an unexpected error", ctx.channel().remoteAddress(), cause);
		}
		ctx.close();
	}

	private static String rootMessage(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}
}
