package fr.ccamhub.hl7.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MllpFrameDecoderTest {

	private static final String MSH = "MSH|^~\\&|EHR|CHU|CCAMHUB|CHU|20260312||ADT^A01|MSG1|P|2.5\r";

	@Test
	void decodesAFrameSentInPieces() {
		EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameDecoder(1024));
		byte[] framed = framed(MSH);
		for (byte b : framed) {
			channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
		}
		MllpFrame frame = channel.readInbound();
		assertThat(new String(frame.payload(), StandardCharsets.ISO_8859_1)).isEqualTo(MSH);
		assertThat(frame.oversized()).isFalse();
		assertThat((Object) channel.readInbound()).isNull();
	}

	@Test
	void decodesSeveralFramesInOneReadAndSkipsBytesBetweenThem() {
		EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameDecoder(1024));
		byte[] one = framed("A\r");
		byte[] two = framed("B\r");
		byte[] both = new byte[one.length + two.length + 2];
		System.arraycopy(one, 0, both, 0, one.length);
		both[one.length] = '\n';
		both[one.length + 1] = ' ';
		System.arraycopy(two, 0, both, one.length + 2, two.length);
		channel.writeInbound(Unpooled.wrappedBuffer(both));
		assertThat(((MllpFrame) channel.readInbound()).payload()).isEqualTo("A\r".getBytes(StandardCharsets.US_ASCII));
		assertThat(((MllpFrame) channel.readInbound()).payload()).isEqualTo("B\r".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void aFileSeparatorInsideThePayloadIsNotAnEnd() {
		EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameDecoder(1024));
		channel.writeInbound(Unpooled.wrappedBuffer(framed("OBX|1|ED|x\u001cy\r")));
		assertThat(new String(((MllpFrame) channel.readInbound()).payload(), StandardCharsets.ISO_8859_1)).isEqualTo("OBX|1|ED|x\u001cy\r");
	}

	@Test
	void anOversizedMessageIsCountedNotBufferedAndKeepsItsHead() {
		MllpFrameDecoder decoder = new MllpFrameDecoder(1000);
		EmbeddedChannel channel = new EmbeddedChannel(decoder);
		channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x0B}));
		channel.writeInbound(Unpooled.wrappedBuffer(MSH.getBytes(StandardCharsets.US_ASCII)));
		byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < 100; i++) {
			channel.writeInbound(Unpooled.wrappedBuffer(chunk));
			assertThat(decoder.inFrame()).isTrue();
		}
		channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x1C}));
		channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x0D}));
		MllpFrame frame = channel.readInbound();
		assertThat(frame.oversized()).isTrue();
		assertThat(frame.size()).isEqualTo(MSH.length() + 100L * chunk.length);
		assertThat(new String(frame.payload(), StandardCharsets.US_ASCII)).startsWith(MSH);
		assertThat(frame.payload()).hasSize(MllpFrameDecoder.KEPT_HEAD);
		assertThat(decoder.inFrame()).isFalse();

		channel.writeInbound(Unpooled.wrappedBuffer(framed(MSH)));
		MllpFrame next = channel.readInbound();
		assertThat(next.oversized()).isFalse();
		assertThat(decoder.framesDecoded()).isEqualTo(2);
	}

	@Test
	void aMessageExactlyAtTheLimitIsAccepted() {
		EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameDecoder(MSH.length()));
		channel.writeInbound(Unpooled.wrappedBuffer(framed(MSH)));
		assertThat(((MllpFrame) channel.readInbound()).oversized()).isFalse();
	}

	static byte[] framed(String payload) {
		byte[] body = payload.getBytes(StandardCharsets.ISO_8859_1);
		byte[] framed = new byte[body.length + 3];
		framed[0] = 0x0B;
		System.arraycopy(body, 0, framed, 1, body.length);
		framed[body.length + 1] = 0x1C;
		framed[body.length + 2] = 0x0D;
		return framed;
	}
}
