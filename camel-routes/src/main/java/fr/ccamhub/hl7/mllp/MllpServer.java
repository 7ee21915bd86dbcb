package fr.ccamhub.hl7.mllp;

import fr.ccamhub.hl7.ingest.Hl7Ingestion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The HL7 v2 MLLP listener (optionally over TLS), on Netty. It binds before the HTTP server starts, so
 * a port already taken fails start-up before anything is served. Each connection passes the
 * {@link MllpConnectionGate}, the {@link MllpTimeouts} and the size-limited {@link MllpFrameDecoder};
 * messages are stored in order per connection on worker threads and answered with the ACK.
 */
public final class MllpServer implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MllpServer.class);

	/** Before Spring Boot's web server (DEFAULT_PHASE - 2048), after the beans it needs. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final MllpProperties properties;
	private final Hl7Ingestion ingestion;
	private final MeterRegistry meters;
	private volatile Channel serverChannel;
	private EventLoopGroup acceptors;
	private EventLoopGroup network;
	private EventExecutorGroup workers;
	private ChannelGroup connections;
	private MllpConnectionGate gate;

	public MllpServer(MllpProperties properties, Hl7Ingestion ingestion, MeterRegistry meters) {
		this.properties = properties;
		this.ingestion = ingestion;
		this.meters = meters;
	}

	@Override
	public synchronized void start() {
		if (serverChannel != null) {
			return;
		}
		SslContext tls = properties.tls().enabled() ? MllpTlsContext.of(properties.tls()) : null;
		long maxMessageBytes = properties.maxMessageSize().toBytes();
		gate = new MllpConnectionGate(properties.maxConcurrentConnections(), properties.maxConnectionsPerAddress(),
				refusal -> meters.counter("ccamhub.hl7.mllp.refused", "reason", refusal.tag()).increment());
		Gauge.builder("ccamhub.hl7.mllp.connections", gate, MllpConnectionGate::open).register(meters);
		MllpMessageHandler messages = new MllpMessageHandler(ingestion, meters, maxMessageBytes);
		acceptors = new NioEventLoopGroup(1, new DefaultThreadFactory("mllp-accept", true));
		network = new NioEventLoopGroup(2, new DefaultThreadFactory("mllp-io", true));
		workers = new DefaultEventExecutorGroup(properties.workerThreads(), new DefaultThreadFactory("mllp-store", true));
		connections = new DefaultChannelGroup("mllp", GlobalEventExecutor.INSTANCE);
		ServerBootstrap bootstrap = new ServerBootstrap()
				.group(acceptors, network)
				.channel(NioServerSocketChannel.class)
				.option(ChannelOption.SO_REUSEADDR, true)
				.option(ChannelOption.SO_BACKLOG, 128)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childOption(ChannelOption.SO_KEEPALIVE, true)
				.childHandler(new ChannelInitializer<SocketChannel>() {
					@Override
					protected void initChannel(SocketChannel channel) {
						connections.add(channel);
						MllpFrameDecoder decoder = new MllpFrameDecoder(maxMessageBytes);
						ChannelPipeline pipeline = channel.pipeline();
						pipeline.addLast("gate", gate);
						if (tls != null) {
							pipeline.addLast("tls", tls.newHandler(channel.alloc()));
						}
						pipeline.addLast("timeouts", new MllpTimeouts(decoder, properties.idleTimeout(), properties.readTimeout(), meters));
						pipeline.addLast("framing", decoder);
						pipeline.addLast(workers, "messages", messages);
					}
				});
		ChannelFuture bound = bootstrap.bind(new InetSocketAddress(properties.host(), properties.port())).awaitUninterruptibly();
		if (!bound.isSuccess()) {
			shutDownThreads();
			Throwable cause = bound.cause();
			throw new MllpStartException("Cannot listen for HL7 v2 on " + properties.host() + ":" + properties.port() + " ("
					+ (cause == null ? "unknown cause" : cause.getMessage()) + "): set ccamhub.hl7.mllp.port to a free port,"
					+ " ccamhub.hl7.mllp.host to an address of this machine, or ccamhub.hl7.mllp.enabled=false", cause);
		}
		serverChannel = bound.channel();
		log.info("HL7 v2 MLLP listener on {}:{}{} ({}); at most {} connections, {} per address, messages up to {} bytes,"
						+ " idle timeout {}, read timeout {}",
				properties.host(), port(), tls != null ? " with TLS" : "",
				properties.allowedSenders().isEmpty() ? "any sender" : "senders " + properties.allowedSenders(),
				properties.maxConcurrentConnections(), properties.maxConnectionsPerAddress(), maxMessageBytes,
				properties.idleTimeout(), properties.readTimeout());
	}

	/** The port actually bound (useful with port 0). */
	public int port() {
		Channel channel = serverChannel;
		return channel == null ? properties.port() : ((InetSocketAddress) channel.localAddress()).getPort();
	}

	@Override
	public synchronized void stop() {
		if (serverChannel == null) {
			return;
		}
		serverChannel.close().awaitUninterruptibly();
		serverChannel = null;
		// Messages being stored finish and get their ACK; then the connections close.
		workers.shutdownGracefully(0, 10, TimeUnit.SECONDS).awaitUninterruptibly(15, TimeUnit.SECONDS);
		connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
		shutDownThreads();
		log.info("HL7 v2 MLLP listener stopped");
	}

	private void shutDownThreads() {
		for (EventExecutorGroup group : new EventExecutorGroup[] {workers, network, acceptors}) {
			if (group != null && !group.isShuttingDown()) {
				group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
			}
		}
	}

	/** Also closes the port when start-up fails after the listener bound (Spring then destroys without stopping). */
	@Override
	public void destroy() {
		stop();
	}

	@Override
	public boolean isRunning() {
		return serverChannel != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** The listener could not start; the message names the setting to change. */
	public static final class MllpStartException extends IllegalStateException {
		MllpStartException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
