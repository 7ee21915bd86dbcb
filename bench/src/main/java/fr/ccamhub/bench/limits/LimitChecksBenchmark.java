package fr.ccamhub.bench.limits;

import fr.ccamhub.hl7.mllp.MllpConnectionGate;
import fr.ccamhub.hl7.mllp.MllpFrame;
import fr.ccamhub.hl7.mllp.MllpFrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the HL7 v2 limits cost per message on the hot path: MLLP framing with the size limit (the
 * decoder scans each byte once for the end block), against the bare copy of the same bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LimitChecksBenchmark {

	private byte[] framed;
	private EmbeddedChannel channel;

	@Setup
	public void setUp() {
		StringBuilder message = new StringBuilder("MSH|^~\\&|EHR|CHU|CCAMHUB|CHU|20260312||DFT^P03|MSG1|P|2.5\r"
				+ "PID|1||123^^^CHU&1.2.3&ISO^PI||DUPONT^MARIE||19800101|F\r");
		while (message.length() < 2048) {
			message.append("FT1|1|||20260312|20260312|CG|HHFA016^^CCAM||1|||||||||||||||||HHFA016^^CCAM\r");
		}
		byte[] body = message.toString().getBytes(StandardCharsets.US_ASCII);
		framed = new byte[body.length + 3];
		framed[0] = 0x0B;
		System.arraycopy(body, 0, framed, 1, body.length);
		framed[body.length + 1] = 0x1C;
		framed[body.length + 2] = 0x0D;
		channel = new EmbeddedChannel(new MllpFrameDecoder(10L * 1024 * 1024));
	}

	/** A 2 KB DFT through the size-limited MLLP decoder. */
	@Benchmark
	public MllpFrame decodeWithSizeLimit() {
		channel.writeInbound(Unpooled.wrappedBuffer(framed));
		return channel.readInbound();
	}

	/** The same bytes copied out of a buffer, the least any framing must do. */
	@Benchmark
	public byte[] bareCopy() {
		ByteBuf buffer = Unpooled.wrappedBuffer(framed);
		byte[] payload = new byte[framed.length - 3];
		buffer.getBytes(1, payload);
		return payload;
	}

	/** Counting a connection in and out of the total and per-address limits. */
	@Benchmark
	public Object connectionGateAdmitAndRelease() throws Exception {
		return GATE.admitAndRelease(LOOPBACK);
	}

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
	private static final MllpConnectionGate GATE = new MllpConnectionGate(50, 10, refusal -> {});
}
