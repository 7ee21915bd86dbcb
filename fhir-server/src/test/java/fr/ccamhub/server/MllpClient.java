package fr.ccamhub.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;

/** A plain MLLP sender over a real TCP socket: VT + message + FS CR, then reads the framed ACK. */
final class MllpClient implements AutoCloseable {

	private final Socket socket;

	MllpClient(int port) throws IOException {
		this(new Socket("127.0.0.1", port));
	}

	/** Over a socket opened by the caller, e.g. a TLS one. */
	MllpClient(Socket socket) throws IOException {
		this.socket = socket;
		this.socket.setSoTimeout(60_000);
	}

	String send(byte[] message, Charset ackCharset) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(0x0B);
		out.write(message);
		out.write(0x1C);
		out.write(0x0D);
		out.flush();
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream ack = new ByteArrayOutputStream();
		int b = in.read();
		if (b != 0x0B) {
			throw new IOException("No MLLP start block, got " + b);
		}
		while ((b = in.read()) != -1) {
			if (b == 0x1C) {
				in.read();
				break;
			}
			ack.write(b);
		}
		return ack.toString(ackCharset);
	}

	String send(String message) throws IOException {
		return send(message.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
