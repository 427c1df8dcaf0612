package dev.vitals.health.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.util.AttributeKey;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.transport.Transport;

import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * A Vert.x {@link Transport} that is another one (NIO by default) but hands each TCP connection to a hook, with the
 * options of the client or server it belongs to, so that a Netty handler the hook places first
 * ({@code channel.pipeline().addFirst(...)}) sees the connection's raw bytes: the connections clients of the
 * instance open (handed over when registered, before they connect) and the connections its servers accept (before
 * Vert.x adds its handlers). Through the public transport SPI ({@code io.vertx.core.spi.transport}), given to
 * {@code Vertx.builder().withTransport(...)}; nothing of {@code io.vertx.core.internal} is used. Datagram channels
 * (DNS) are not handed over.
 *
 * <p>The options tell a hook which connections it is for: {@code HttpClientOptions} for an HTTP client's, {@code
 * NetClientOptions} for a TCP client's (the SQL and Redis clients among them); {@code HttpServerOptions} for an HTTP
 * server's, {@code NetServerOptions} for the clustered event bus' and plain TCP servers'.
 */
public final class ChannelTransport implements Transport {

  private final Transport base;
  private final Implementation implementation;

  private static final AttributeKey<ClientOptionsBase> CLIENT = AttributeKey.valueOf(ChannelTransport.class, "client");

  private ChannelTransport(Transport base, BiConsumer<Channel, ClientOptionsBase> opened,
                           BiPredicate<Channel, NetServerOptions> accepted, String threadPrefix) {
    this.base = base;
    this.implementation = new Implementation(base.implementation(), opened, accepted, threadPrefix);
  }

  /**
   * @param base     the transport to be (for example {@code Transport.NIO})
   * @param opened   called on the connection's event loop with each connection a client opens and that client's
   *                 options, once registered and before it connects; {@code null} for none
   * @param accepted called on the server's acceptor thread with each connection a server accepts and that server's
   *                 options, before Vert.x adds its handlers (and before the hook of a channel transport it wraps);
   *                 false refuses the connection: it is closed at once, unregistered, and neither Vert.x nor the
   *                 wrapped transport's hook sees it; {@code null} for none
   * @return the transport
   */
  public static Transport of(Transport base, BiConsumer<Channel, ClientOptionsBase> opened,
                             BiPredicate<Channel, NetServerOptions> accepted) {
    return new ChannelTransport(base, opened, accepted, null);
  }

  /**
   * As {@link #of(Transport, BiConsumer, BiPredicate)}, and the instance's event-loop threads are named
   * {@code <threadPrefix><n>} and its acceptor threads {@code <threadPrefix>acceptor-<n>} rather than Vert.x's
   * {@code vert.x-eventloop-thread-<n>}, so that a thread dump tells two instances apart. Vert.x 5.0's public builder
   * takes no thread factory ({@code VertxThreadFactory} is set through {@code io.vertx.core.internal}); the threads
   * are Vert.x's own, renamed as the event-loop groups create them. Worker threads keep their names.
   *
   * @param base         the transport to be
   * @param opened       as in {@link #of(Transport, BiConsumer, BiPredicate)}; {@code null} for none
   * @param accepted     as in {@link #of(Transport, BiConsumer, BiPredicate)}; {@code null} for none
   * @param threadPrefix the start of every event-loop and acceptor thread's name
   * @return the transport
   */
  public static Transport of(Transport base, BiConsumer<Channel, ClientOptionsBase> opened,
                             BiPredicate<Channel, NetServerOptions> accepted, String threadPrefix) {
    return new ChannelTransport(base, opened, accepted, Objects.requireNonNull(threadPrefix, "threadPrefix"));
  }

  @Override
  public String name() {
    return base.name();
  }

  @Override
  public boolean available() {
    return base.available();
  }

  @Override
  public Throwable unavailabilityCause() {
    return base.unavailabilityCause();
  }

  @Override
  public io.vertx.core.spi.transport.Transport implementation() {
    return implementation;
  }

  /** The base's implementation, with the hooks in the channel factories. */
  private static final class Implementation implements io.vertx.core.spi.transport.Transport {

    private final io.vertx.core.spi.transport.Transport base;
    private final BiConsumer<Channel, ClientOptionsBase> opened;
    private final BiPredicate<Channel, NetServerOptions> accepted;
    private final String threadPrefix;

    Implementation(io.vertx.core.spi.transport.Transport base, BiConsumer<Channel, ClientOptionsBase> opened,
                   BiPredicate<Channel, NetServerOptions> accepted, String threadPrefix) {
      this.base = base;
      this.opened = opened;
      this.accepted = accepted;
      this.threadPrefix = threadPrefix;
    }

    @Override
    public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
      ChannelFactory<? extends Channel> channels = base.channelFactory(domainSocket);
      if (opened == null) {
        return channels;
      }
      return () -> {
        Channel channel = channels.newChannel();
        channel.pipeline().addFirst(new Opener(opened));
        return channel;
      };
    }

    @Override
    public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
      return base.serverChannelFactory(domainSocket);
    }

    /**
     * The bootstrap of each server is configured here, with the server's options, before it binds: the handler it
     * gets sees every accepted connection before the bootstrap's acceptor gives it to Vert.x. A base that is a
     * channel transport too set its own handler first: both stay, this one's first, so that a connection refused
     * here never reaches the base's hook (a refused connection is closed before it is registered: its close future
     * never completes, so a hook that counts connections must see only those admitted: wrap it innermost).
     */
    @Override
    public void configure(NetServerOptions options, boolean domainSocket, ServerBootstrap bootstrap) {
      base.configure(options, domainSocket, bootstrap);
      if (accepted != null) {
        ChannelHandler previous = bootstrap.config().handler();
        Acceptor acceptor = new Acceptor(options, accepted);
        bootstrap.handler(previous == null ? acceptor : new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            channel.pipeline().addLast(acceptor, previous);
          }
        });
      }
    }

    /** The client's options reach its connections as an attribute, which the bootstrap sets before registering. */
    @Override
    public void configure(ClientOptionsBase options, int connectTimeout, boolean domainSocket, Bootstrap bootstrap) {
      base.configure(options, connectTimeout, domainSocket, bootstrap);
      bootstrap.attr(CLIENT, options);
    }

    @Override
    public void configure(DatagramChannel channel, DatagramSocketOptions options) {
      base.configure(channel, options);
    }

    @Override
    public boolean supportsDomainSockets() {
      return base.supportsDomainSockets();
    }

    @Override
    public boolean supportFileRegion() {
      return base.supportFileRegion();
    }

    @Override
    public boolean isAvailable() {
      return base.isAvailable();
    }

    @Override
    public Throwable unavailabilityCause() {
      return base.unavailabilityCause();
    }

    @Override
    public SocketAddress convert(io.vertx.core.net.SocketAddress address) {
      return base.convert(address);
    }

    @Override
    public io.vertx.core.net.SocketAddress convert(SocketAddress address) {
      return base.convert(address);
    }

    @Override
    public IoHandlerFactory ioHandlerFactory() {
      return base.ioHandlerFactory();
    }

    @Override
    public EventLoopGroup eventLoopGroup(int type, int nThreads, ThreadFactory threadFactory, int ioRatio) {
      if (threadPrefix == null) {
        return base.eventLoopGroup(type, nThreads, threadFactory, ioRatio);
      }
      String prefix = type == ACCEPTOR_EVENT_LOOP_GROUP ? threadPrefix + "acceptor-" : threadPrefix;
      AtomicInteger created = new AtomicInteger();
      return base.eventLoopGroup(type, nThreads, task -> {
        Thread thread = threadFactory.newThread(task);
        thread.setName(prefix + created.getAndIncrement());
        return thread;
      }, ioRatio);
    }

    @Override
    public DatagramChannel datagramChannel() {
      return base.datagramChannel();
    }

    @Override
    @SuppressWarnings("deprecation") // the transport SPI's signature (Netty 4.2 deprecates InternetProtocolFamily)
    public DatagramChannel datagramChannel(InternetProtocolFamily family) {
      return base.datagramChannel(family);
    }
  }

  /**
   * The server channel's handler: hands each accepted connection over, then passes it on to the acceptor, or closes
   * it when refused.
   */
  @ChannelHandler.Sharable
  private static final class Acceptor extends ChannelInboundHandlerAdapter {

    private final NetServerOptions options;
    private final BiPredicate<Channel, NetServerOptions> accepted;

    Acceptor(NetServerOptions options, BiPredicate<Channel, NetServerOptions> accepted) {
      this.options = options;
      this.accepted = accepted;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Channel && !accepted.test((Channel) msg, options)) {
        ((Channel) msg).unsafe().closeForcibly(); // not registered yet: the socket is closed, nothing else to free
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }

  /** First in a client connection's pipeline until it is registered: hands it over with its client's options. */
  private static final class Opener extends ChannelInboundHandlerAdapter {

    private final BiConsumer<Channel, ClientOptionsBase> opened;

    Opener(BiConsumer<Channel, ClientOptionsBase> opened) {
      this.opened = opened;
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
      ctx.pipeline().remove(this);
      opened.accept(ctx.channel(), ctx.channel().attr(CLIENT).get());
      ctx.fireChannelRegistered();
    }
  }
}
