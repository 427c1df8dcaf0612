package dev.vitals.samples.impl;

import dev.vitals.health.internal.BurstLog;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * What one connection and one peer address may do to the standalone's HTTP server, beyond Vert.x's own limits.
 * <ul>
 *   <li>HTTP/2 rapid reset (CVE-2023-44487): a connection resetting more than {@code http.maxResets} streams within
 *       {@code http.resetWindow} gets GOAWAY ({@code ENHANCE_YOUR_CALM}, Netty's decoder limit set through
 *       {@link HttpServerOptions#setHttp2RstFloodMaxRstFramePerWindow}); its peer address then has every other
 *       connection closed and new ones closed at once for {@code http.resetWindow}, so that reconnecting does not
 *       buy a fresh budget. {@code http.maxConcurrentStreams} bounds the streams open at once per connection.</li>
 * </ul>
 * Peers are keyed by IP address, so clients behind one proxy or NAT share a budget. What is remembered is bounded by
 * the connections open, plus refused addresses (at most {@value #MAX_PEERS} addresses in all while none of them has a
 * connection). The state is guarded by this object.
 */
public final class PeerLimits {

  /** Peer addresses remembered at most; beyond, blocked addresses without connections are forgotten first. */
  static final int MAX_PEERS = 65_536;

  private final int maxResets;
  private final long resetWindow;
  private final BurstLog floodLog = new BurstLog(PeerLimits.class, 10_000);
  // Guarded by this.
  private final Map<String, Peer> peers = new HashMap<>();
  private long resetFloods;

  /** One peer address: its open connections, and until when it is refused (ms, {@link System#nanoTime()} based). */
  private static final class Peer {
    final Set<HttpConnection> connections = new HashSet<>();
    long blockedUntil;
  }

  /**
   * @param maxResets     stream resets a connection may send within {@code resetWindow}
   * @param resetWindow   ms, at least 1000; Netty counts in whole seconds, so it is rounded up to them
   */
  public PeerLimits(int maxResets, long resetWindow) {
    this.maxResets = maxResets;
    this.resetWindow = TimeUnit.SECONDS.toMillis(windowSeconds(resetWindow));
  }

  private static int windowSeconds(long ms) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (ms + 999) / 1000));
  }

  /**
   * Sets the per-connection reset limit and the streams open at once on the server's options.
   *
   * @param maxConcurrentStreams the SETTINGS_MAX_CONCURRENT_STREAMS the server announces
   * @return the options
   */
  public HttpServerOptions configure(HttpServerOptions options, long maxConcurrentStreams) {
    options.setHttp2RstFloodMaxRstFramePerWindow(maxResets)
      .setHttp2RstFloodWindowDuration(windowSeconds(resetWindow))
      .setHttp2RstFloodWindowDurationTimeUnit(TimeUnit.SECONDS);
    options.getInitialSettings().setMaxConcurrentStreams(maxConcurrentStreams);
    return options;
  }

  /** The server's connection handler: refuses blocked peers, watches for reset floods. */
  public void connected(HttpConnection connection) {
    String address = address(connection);
    long now = now();
    boolean refused;
    synchronized (this) {
      Peer peer = peers.get(address);
      refused = peer != null && peer.blockedUntil - now > 0;
      if (refused) {
        peer = null;
      } else if (peer == null) {
        if (peers.size() >= MAX_PEERS) {
          forgetIdle(now);
        }
        peer = new Peer();
        peers.put(address, peer);
      }
      if (peer != null) {
        peer.connections.add(connection);
      }
    }
    if (refused) {
      connection.close();
      return;
    }
    connection.closeHandler(v -> closed(address, connection));
    connection.exceptionHandler(failure -> {
      if (failure instanceof Http2Exception http2 && http2.error() == Http2Error.ENHANCE_YOUR_CALM) {
        resetFlood(address);
      }
    });
  }

  private void resetFlood(String address) {
    List<HttpConnection> others;
    synchronized (this) {
      Peer peer = peers.computeIfAbsent(address, a -> new Peer());
      peer.blockedUntil = now() + resetWindow;
      resetFloods++;
      others = List.copyOf(peer.connections);
    }
    floodLog.log(Level.WARNING, () -> "HTTP/2 reset flood from " + address + ": more than " + maxResets
      + " streams reset within " + resetWindow + " ms; its connections are closed and new ones refused for "
      + resetWindow + " ms (http.maxResets, http.resetWindow; " + resetFloods() + " flood(s) so far)");
    others.forEach(HttpConnection::close);
  }

  private void closed(String address, HttpConnection connection) {
    synchronized (this) {
      Peer peer = peers.get(address);
      if (peer != null && peer.connections.remove(connection) && peer.connections.isEmpty()
        && peer.blockedUntil - now() <= 0) {
        peers.remove(address);
      }
    }
  }

  /** Drops peers without connections whose block is over, then, if still full, blocked ones without connections. */
  private void forgetIdle(long now) {
    peers.values().removeIf(peer -> peer.connections.isEmpty() && peer.blockedUntil - now <= 0);
    for (Iterator<Peer> it = peers.values().iterator(); it.hasNext() && peers.size() >= MAX_PEERS; ) {
      if (it.next().connections.isEmpty()) {
        it.remove();
      }
    }
  }

  /** @return connections cut for resetting too many streams, since start */
  public synchronized long resetFloods() {
    return resetFloods;
  }

  /** @return peer addresses remembered now: those with connections open, and those refused */
  public synchronized int peers() {
    return peers.size();
  }

  private static String address(HttpConnection connection) {
    SocketAddress remote = connection.remoteAddress();
    return remote == null ? "" : remote.hostAddress() != null ? remote.hostAddress() : String.valueOf(remote);
  }

  private static long now() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
  }
}
