package fr.ccamhub.hl7.mllp;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections that hold a slot without using it: nothing received for the idle timeout, or a
 * message started and not finished within the read timeout (a slow sender trickling bytes).
 */
final class MllpTimeouts extends ChannelDuplexHandler {

	private static final Logger log = LoggerFactory.getLogger(MllpTimeouts.class);

	private final MllpFrameDecoder decoder;
	private final long idleNanos;
	private final long readNanos;
	private final MeterRegistry meters;
	private long lastReadNanos = System.nanoTime();
	private long frameStartNanos;
	private long acksWritten;
	private ScheduledFuture<?> check;

	MllpTimeouts(MllpFrameDecoder decoder, Duration idleTimeout, Duration readTimeout, MeterRegistry meters) {
		this.decoder = decoder;
		this.idleNanos = idleTimeout.toNanos();
		this.readNanos = readTimeout.toNanos();
		this.meters = meters;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		long period = Math.max(50, Math.min(idleNanos, readNanos) / 1_000_000 / 4);
		check = ctx.executor().scheduleAtFixedRate(() -> check(ctx), period, period, TimeUnit.MILLISECONDS);
		super.channelActive(ctx);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		if (check != null) {
			check.cancel(false);
		}
		super.channelInactive(ctx);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		long now = System.nanoTime();
		boolean wasInFrame = decoder.inFrame();
		lastReadNanos = now;
		super.channelRead(ctx, msg);
		if (!wasInFrame && decoder.inFrame()) {
			frameStartNanos = now;
		}
		if (!decoder.inFrame()) {
			frameStartNanos = 0;
		}
	}

	/** A message being stored is not idleness: the clock restarts once its ACK is written. */
	@Override
	public void write(ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) throws Exception {
		acksWritten++;
		lastReadNanos = System.nanoTime();
		super.write(ctx, msg, promise);
	}

	private void check(ChannelHandlerContext ctx) {
		long now = System.nanoTime();
		if (frameStartNanos != 0 && now - frameStartNanos > readNanos) {
			close(ctx, "slow-sender", "the message did not arrive whole within " + Duration.ofNanos(readNanos).toSeconds()
					+ " s (ccamhub.hl7.mllp.read-timeout)");
		} else if (decoder.framesDecoded() == acksWritten && frameStartNanos == 0 && now - lastReadNanos > idleNanos) {
			close(ctx, "idle", "nothing received for " + Duration.ofNanos(idleNanos).toSeconds()
					+ " s (ccamhub.hl7.mllp.idle-timeout)");
		}
	}

	private void close(ChannelHandlerContext ctx, String reason, String why) {
		log.info("MLLP connection from {} closed: {}", ctx.channel().remoteAddress(), why);
		meters.counter("ccamhub.hl7.mllp.closed", "reason", reason).increment();
		check.cancel(false);
		ctx.close();
	}
}
