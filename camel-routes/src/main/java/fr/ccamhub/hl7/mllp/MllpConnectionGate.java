package fr.ccamhub.hl7.mllp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a connection only while the listener serves fewer than its total limit, and fewer than the
 * per-address limit from that sender's IP address, so that one sender cannot lock the others out.
 * A refused connection is closed at once.
 */
@ChannelHandler.Sharable
public final class MllpConnectionGate extends ChannelInboundHandlerAdapter {

	private static final Logger log = LoggerFactory.getLogger(MllpConnectionGate.class);
	private static final AttributeKey<InetAddress> ADMITTED = AttributeKey.valueOf("ccamhub.mllp.admitted");

	/** Why a connection was refused, as tagged in metrics. */
	public enum Refusal {
		TOO_MANY_CONNECTIONS("too-many-connections"),
		TOO_MANY_FROM_ADDRESS("too-many-from-address");

		private final String tag;

		Refusal(String tag) {
			this.tag = tag;
		}

		public String tag() {
			return tag;
		}
	}

	private final int maxTotal;
	private final int maxPerAddress;
	private final Consumer<Refusal> onRefusal;
	private final AtomicInteger total = new AtomicInteger();
	private final ConcurrentMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

	public MllpConnectionGate(int maxTotal, int maxPerAddress, Consumer<Refusal> onRefusal) {
		this.maxTotal = maxTotal;
		this.maxPerAddress = maxPerAddress;
		this.onRefusal = onRefusal;
	}

	/** Connections being served now. */
	public int open() {
		return total.get();
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
		Refusal refusal = admit(address);
		if (refusal != null) {
			log.warn("MLLP connection from {} refused: {} ({} open in all, at most {}; at most {} per address)",
					address.getHostAddress(), refusal.tag(), total.get(), maxTotal, maxPerAddress);
			onRefusal.accept(refusal);
			ctx.close();
			return;
		}
		ctx.channel().attr(ADMITTED).set(address);
		super.channelActive(ctx);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		InetAddress address = ctx.channel().attr(ADMITTED).getAndSet(null);
		if (address != null) {
			release(address);
			super.channelInactive(ctx);
		}
	}

	/** Admits and releases one connection from this address: what each connection costs (for benchmarks). */
	public Refusal admitAndRelease(InetAddress address) {
		Refusal refusal = admit(address);
		if (refusal == null) {
			release(address);
		}
		return refusal;
	}

	private Refusal admit(InetAddress address) {
		if (total.incrementAndGet() > maxTotal) {
			total.decrementAndGet();
			return Refusal.TOO_MANY_CONNECTIONS;
		}
		boolean[] admitted = {false};
		perAddress.compute(address, (a, count) -> {
			int current = count == null ? 0 : count;
			if (current >= maxPerAddress) {
				return count;
			}
			admitted[0] = true;
			return current + 1;
		});
		if (!admitted[0]) {
			total.decrementAndGet();
			return Refusal.TOO_MANY_FROM_ADDRESS;
		}
		return null;
	}

	private void release(InetAddress address) {
		total.decrementAndGet();
		perAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
	}
}
