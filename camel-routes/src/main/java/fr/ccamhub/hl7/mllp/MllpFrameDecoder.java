package fr.ccamhub.hl7.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * MLLP framing (HL7 v2 appendix C): a message is sent as 0x0B, payload, 0x1C 0x0D. Bytes outside a
 * frame are skipped. A payload larger than the limit is not buffered: its first bytes are kept so
 * the sender can be answered, the rest is counted and dropped until the end block.
 */
public final class MllpFrameDecoder extends ByteToMessageDecoder {

	static final byte START_BLOCK = 0x0B;
	static final byte END_BLOCK = 0x1C;
	static final byte CARRIAGE_RETURN = 0x0D;

	/** Bytes of an oversized message kept for its answer (MSH is a few hundred bytes). */
	static final int KEPT_HEAD = 4096;

	private final long maxPayload;
	private boolean inFrame;
	private int scanned;
	private byte[] discardedHead;
	private long discardedSize;
	private long framesDecoded;

	public MllpFrameDecoder(long maxPayload) {
		this.maxPayload = maxPayload;
	}

	/** Messages handed on since the connection opened (each gets one ACK). */
	public long framesDecoded() {
		return framesDecoded;
	}

	/** Whether a message has started and not yet ended (for read timeouts). */
	public boolean inFrame() {
		return inFrame;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		while (in.isReadable()) {
			if (!inFrame) {
				int start = in.indexOf(in.readerIndex(), in.writerIndex(), START_BLOCK);
				if (start < 0) {
					in.skipBytes(in.readableBytes());
					return;
				}
				in.readerIndex(start + 1);
				inFrame = true;
				scanned = 0;
				discardedHead = null;
				discardedSize = 0;
			}
			if (discardedHead != null) {
				if (!discardUntilEnd(in, out)) {
					return;
				}
				continue;
			}
			int end = in.indexOf(in.readerIndex() + scanned, in.writerIndex(), END_BLOCK);
			if (end < 0 || end + 1 >= in.writerIndex()) {
				int available = end < 0 ? in.readableBytes() : end - in.readerIndex();
				if (available > maxPayload) {
					startDiscarding(in);
					continue;
				}
				scanned = Math.max(0, available);
				return;
			}
			if (in.getByte(end + 1) != CARRIAGE_RETURN) {
				// A 0x1C inside the payload is not an end block: keep scanning after it.
				scanned = end + 1 - in.readerIndex();
				continue;
			}
			int length = end - in.readerIndex();
			if (length > maxPayload) {
				startDiscarding(in);
				continue;
			}
			byte[] payload = new byte[length];
			in.readBytes(payload);
			in.skipBytes(2);
			inFrame = false;
			framesDecoded++;
			out.add(new MllpFrame(payload, length, false));
		}
	}

	private void startDiscarding(ByteBuf in) {
		int head = Math.min(KEPT_HEAD, in.readableBytes());
		discardedHead = new byte[head];
		in.readBytes(discardedHead);
		discardedSize = head;
		scanned = 0;
	}

	/** Drops payload bytes up to the end block; true once the oversized frame has been handed on. */
	private boolean discardUntilEnd(ByteBuf in, List<Object> out) {
		while (in.isReadable()) {
			int end = in.indexOf(in.readerIndex(), in.writerIndex(), END_BLOCK);
			if (end < 0) {
				discardedSize += in.readableBytes();
				in.skipBytes(in.readableBytes());
				return false;
			}
			if (end + 1 >= in.writerIndex()) {
				// Keep the 0x1C until the next byte tells whether it ends the frame.
				discardedSize += end - in.readerIndex();
				in.readerIndex(end);
				return false;
			}
			discardedSize += end - in.readerIndex();
			if (in.getByte(end + 1) == CARRIAGE_RETURN) {
				in.readerIndex(end + 2);
				inFrame = false;
				framesDecoded++;
				out.add(new MllpFrame(discardedHead, discardedSize, true));
				discardedHead = null;
				return true;
			}
			discardedSize += 1;
			in.readerIndex(end + 1);
		}
		return false;
	}
}
